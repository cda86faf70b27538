package dev.latchkey.server.importer;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.latchkey.server.importer.DjangoFixtures.Fixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Django's users and tokens after an import, through Latchkey's HTTP API, once per database:
 * every password of {@code expected.json} logs in (and its wrong twin does not), the inactive
 * user and the unusable password are refused, the two tokens Django blacklisted are refused on
 * refresh and the live one is accepted (same signing key as Django's).
 *
 * <p>The server's clock is set just after Django issued the fixture's tokens, so they are
 * unexpired whenever the tests run.
 */
@Import(AbstractDjangoImportIntegrationTests.ClockConfiguration.class)
abstract class AbstractDjangoImportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	Clock latchkeyClock;

	@DynamicPropertySource
	static void djangoSettings(DynamicPropertyRegistry registry) {
		// Django's SIGNING_KEY: tokens issued by either side verify on the other.
		registry.add("latchkey.jwt.signing-key", () -> DjangoFixtures.SIGNING_KEY);
		// Each user logs in with a right and a wrong password, users side by side, at Django's hash
		// costs: no lockout, and no 503 from the hashing pool's overload guard while they queue.
		registry.add("latchkey.throttle.username-threshold", () -> "1000");
		registry.add("latchkey.throttle.ip-threshold", () -> "1000");
		registry.add("latchkey.password.hashing-max-wait", () -> "60s");
	}

	void importFixture(Fixture fixture) {
		LatchkeyDatabase.clear(this.dataSource);
		try (DjangoSource source = fixture.open()) {
			ImportReport report = new DjangoImporter(this.dataSource, this.latchkeyClock, ImportOptions.defaults(),
					new PrintStream(OutputStream.nullOutputStream())).run(source);
			assertThat(report.usersImported()).isEqualTo(8);
		}
	}

	@ParameterizedTest
	@EnumSource(Fixture.class)
	void loginWhenImportedThenDjangoPasswordsWorkAndOnlyThey(Fixture fixture) throws Exception {
		importFixture(fixture);
		ApiClient api = new ApiClient(this.port);

		// Every check hashes with Django's own (slow) parameters: run users side by side, as the
		// server's hashing pool has a thread per core.
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> checks = new ArrayList<>();
			for (JsonNode user : DjangoFixtures.users()) {
				checks.add(executor.submit(() -> checkLogins(api, fixture, user)));
			}
			for (Future<?> check : checks) {
				check.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void checkLogins(ApiClient api, Fixture fixture, JsonNode user) {
		String username = user.path("username").asString();
		String password = user.path("password").isNull() ? user.path("wrong_password").asString()
				: user.path("password").asString();
		ApiClient.Response login = api.login(username, password);
		if (user.path("can_log_in").asBoolean()) {
			assertThat(login.status()).as(username).isEqualTo(200);
			ApiClient.Response me = api.currentUser(login.text("access"));
			assertThat(me.json().path("id").asLong()).isEqualTo(user.path("id").asLong());
			assertThat(me.text("username")).isEqualTo(username);
			assertThat(me.text("name")).isEqualTo(fixture.expectedName(user));
		}
		else {
			// The inactive user with the right password, the unusable password with any.
			assertThat(login.status()).as(username).isEqualTo(401);
			assertThat(login.text("detail")).isEqualTo("No active account found with the given credentials");
		}
		assertThat(api.login(username, user.path("wrong_password").asString()).status()).as(username).isEqualTo(401);
	}

	@ParameterizedTest
	@EnumSource(value = Fixture.class, names = { "SEED_SQLITE", "SEED_DUMPDATA" })
	void refreshWhenDjangoBlacklistedTheTokenThenRefusedAndTheLiveOneAccepted(Fixture fixture) {
		importFixture(fixture);
		ApiClient api = new ApiClient(this.port);

		for (String jti : DjangoFixtures.BLACKLISTED_JTIS) {
			ApiClient.Response refused = api.refresh(DjangoFixtures.rawToken(jti));
			assertThat(refused.status()).as(jti).isEqualTo(401);
			assertThat(refused.text("detail")).isEqualTo("Token is blacklisted");
			assertThat(refused.text("code")).isEqualTo("token_not_valid");
			ApiClient.Response verify = api.post("/api/token/verify/", Map.of("token", DjangoFixtures.rawToken(jti)));
			assertThat(verify.status()).isEqualTo(400);
			assertThat(verify.json().path("non_field_errors").path(0).asString()).isEqualTo("Token is blacklisted");
		}
		ApiClient.Response live = api.refresh(DjangoFixtures.rawToken(DjangoFixtures.LIVE_JTI));
		assertThat(live.status()).isEqualTo(200);
		assertThat(api.currentUser(live.text("access")).json().path("username").asString()).isEqualTo("alice");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		/** A running clock that starts a minute after Django issued the fixture's tokens. */
		@Bean
		Clock latchkeyClock() {
			Instant start = DjangoFixtures.tokensIssuedAt().plusSeconds(60);
			return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
		}

	}

}
