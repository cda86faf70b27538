package dev.latchkey.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.core.Ordered;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.audit.LatchkeyEvent;
import dev.latchkey.audit.LatchkeyEventListener;
import dev.latchkey.audit.MicrometerEventListener;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.token.TokenCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latchkey's events, meters, health contributor and OpenAPI customizer: each present when its
 * library is, and absent, without harm, when it is not.
 */
class LatchkeyObservabilityAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LatchkeyAutoConfiguration.class, DataSourceAutoConfiguration.class,
				WebMvcAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:observability-${random.uuid}",
				"latchkey.jwt.signing-key=an-adequately-long-signing-key-of-32-bytes+",
				"latchkey.password.argon2-memory-kib=1024", "latchkey.password.argon2-iterations=1");

	@Test
	void auditLogWhenListenersDeclaredThenEachHearsEveryEventInOrderDespiteOneFailing() {
		List<String> heard = new CopyOnWriteArrayList<>();
		this.runner.withBean("second", LatchkeyEventListener.class, () -> new OrderedListener(2, "second", heard))
			.withBean("failing", LatchkeyEventListener.class, () -> new OrderedListener(1, "failing", null))
			.withBean("third", LatchkeyEventListener.class, () -> new OrderedListener(3, "third", heard))
			.run((context) -> {
				AuditLog audit = context.getBean(AuditLog.class);

				audit.record(AuditEvent.SIGN_UP, 7L, "203.0.113.9", "agent\nforged line", "ok");
				audit.refreshed(7L);

				assertThat(heard).containsExactly("second:sign_up:7:agent?forged line", "third:sign_up:7:agent?forged line",
						"second:refresh:7", "third:refresh:7");
			});
	}

	@Test
	void metersWhenBootMetricsAutoConfiguredThenEventsCountedAndHashesTimed() {
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(MicrometerEventListener.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				AuditLog audit = context.getBean(AuditLog.class);

				audit.record(AuditEvent.LOGIN_FAILED, null, "203.0.113.9", "agent", "bad_credentials");
				audit.record(AuditEvent.LOGIN_SUCCEEDED, 7L, "203.0.113.9", "agent", "ok");
				audit.record(AuditEvent.LOGOUT_ALL, 7L, "203.0.113.9", "agent", "2 sessions");
				audit.refreshed(7L);
				context.getBean(PasswordHasher.class).encode("Str0ng-Passw0rd!");

				assertThat(registry.get("latchkey.logins").tag("outcome", "failure").counter().count()).isEqualTo(1);
				assertThat(registry.get("latchkey.logins").tag("outcome", "success").counter().count()).isEqualTo(1);
				assertThat(registry.get("latchkey.logins").tag("outcome", "throttled").counter().count()).isZero();
				assertThat(registry.get("latchkey.logouts").tag("scope", "all").counter().count()).isEqualTo(1);
				assertThat(registry.get("latchkey.refreshes").counter().count()).isEqualTo(1);
				assertThat(registry.get("latchkey.signups").counter().count()).isZero();
				Timer hashes = registry.get(LatchkeyMetricsConfiguration.HASH_DURATION).timer();
				assertThat(hashes.count()).isEqualTo(1);
				assertThat(registry.get(LatchkeyMetricsConfiguration.HASH_QUEUE).gauge().value()).isZero();
			});
	}

	@Test
	void metersWhenNoMeterRegistryBeanThenNoMicrometerListenerAndHashingStillWorks() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerEventListener.class);
			assertThat(context.getBean(PasswordHasher.class).encode("Str0ng-Passw0rd!")).startsWith("argon2$");
		});
	}

	@Test
	void metersWhenMicrometerNotOnClassPathThenContextStartsWithoutThem() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean("latchkeyMicrometerEventListener");
			assertThat(context).doesNotHaveBean("latchkeyHashingMetrics");
		});
	}

	@Test
	void meterRegistryWhenDeclaredByTheApplicationThenUsed() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.runner.withBean(MeterRegistry.class, () -> registry).run((context) -> {
			context.getBean(AuditLog.class).record(AuditEvent.REUSE_DETECTED, 7L, "203.0.113.9", "agent", "revoked");

			assertThat(registry.get("latchkey.reuse.detections").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void healthWhenKeySignsAndVerifiesThenUp() {
		this.runner.run((context) -> {
			HealthIndicator health = context.getBean("latchkeyHealthIndicator", HealthIndicator.class);

			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void healthWhenCodecCannotVerifyWhatItSignsThenDownWithoutTheKey() {
		this.runner.withBean(TokenCodec.class, BrokenCodec::new).run((context) -> {
			HealthIndicator health = context.getBean("latchkeyHealthIndicator", HealthIndicator.class);

			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.health().toString()).doesNotContain("an-adequately-long-signing-key");
		});
	}

	@Test
	void healthWhenDisabledOrHealthNotOnClassPathThenNoContributor() {
		this.runner.withPropertyValues("management.health.latchkey.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("latchkeyHealthIndicator"));
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("latchkeyHealthIndicator"));
	}

	@Test
	void openApiWhenSpringdocOnClassPathThenCustomizerElseNone() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(OpenApiCustomizer.class));
		this.runner.withClassLoader(new FilteredClassLoader(OpenApiCustomizer.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("latchkeyOpenApiCustomizer"));
	}

	/** Records what it hears as "name:event:user:agent", or fails when it has nowhere to record. */
	private record OrderedListener(int order, String name, List<String> heard) implements LatchkeyEventListener, Ordered {

		@Override
		public void onEvent(LatchkeyEvent event) {
			if (this.heard == null) {
				throw new IllegalStateException("broken listener");
			}
			this.heard.add(this.name + ":" + event.type().logName() + ":" + event.userId() + ":" + event.userAgent());
		}

		@Override
		public void onRefresh(long userId) {
			if (this.heard == null) {
				throw new IllegalStateException("broken listener");
			}
			this.heard.add(this.name + ":refresh:" + userId);
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

	/** Signs, but verifies nothing: as if the verification key no longer matched. */
	private static final class BrokenCodec implements TokenCodec {

		@Override
		public String encode(Map<String, Object> claims) {
			return "e30.e30.c2ln";
		}

		@Override
		public Map<String, Object> decode(String token) {
			throw InvalidTokenException.invalidOrExpired();
		}

	}

}
