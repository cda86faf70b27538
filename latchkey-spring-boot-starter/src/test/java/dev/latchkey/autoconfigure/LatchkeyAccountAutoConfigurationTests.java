package dev.latchkey.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.latchkey.account.PasswordResetRequests;
import dev.latchkey.mail.EmlFileTransport;
import dev.latchkey.mail.JavaMailTransport;
import dev.latchkey.mail.MailOutbox;
import dev.latchkey.mail.MailTransport;
import dev.latchkey.mail.OutboxSender;
import dev.latchkey.mail.OutgoingMail;
import dev.latchkey.web.PasswordResetController;
import dev.latchkey.web.RestAuthLoginController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LatchkeyAccountAutoConfiguration} in a real web application context on an H2 database:
 * which mail transport it picks, that the application's own beans win, and that bad settings stop
 * start-up naming the key.
 */
class LatchkeyAccountAutoConfigurationTests {

	@TempDir
	Path directory;

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LatchkeyAutoConfiguration.class, LatchkeyAccountAutoConfiguration.class,
				MailSenderAutoConfiguration.class, DataSourceAutoConfiguration.class, WebMvcAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:account-${random.uuid}",
				"latchkey.jwt.signing-key=an-adequately-long-signing-key-of-32-bytes+",
				"latchkey.password.hashing-warm-up=false");

	@Test
	void contextWhenMailHostConfiguredThenSmtpTransportAndAccountEndpoints() {
		this.runner.withPropertyValues("spring.mail.host=127.0.0.1").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MailTransport.class)).isInstanceOf(JavaMailTransport.class);
			assertThat(context).hasSingleBean(PasswordResetRequests.class);
			assertThat(context).hasSingleBean(PasswordResetController.class);
			assertThat(context).hasSingleBean(RestAuthLoginController.class);
		});
	}

	@Test
	void contextWhenNoMailHostButFileDirectoryThenEachMessageBecomesAnEmlFile() {
		Path outbox = this.directory.resolve("outbox");
		this.runner.withPropertyValues("latchkey.mail.file-directory=" + outbox, "latchkey.mail.poll-interval=1h")
			.run((context) -> {
				assertThat(context.getBean(MailTransport.class)).isInstanceOf(EmlFileTransport.class);
				context.getBean(MailOutbox.class)
					.enqueue(new OutgoingMail("ada@example.com", "Hello", "plain body", "<p>html body</p>"), Instant.now());

				// Sent by this call, or by the outbox thread's first poll if it came first: once either way.
				context.getBean(OutboxSender.class).sendDue();
				for (int i = 0; i < 100 && (!Files.isDirectory(outbox) || isEmpty(outbox)); i++) {
					Thread.sleep(100);
				}

				try (var files = Files.list(outbox)) {
					List<Path> all = files.toList();
					assertThat(all).hasSize(1);
					Path eml = all.get(0);
					assertThat(eml.getFileName().toString()).endsWith(".eml");
					assertThat(Files.readString(eml)).contains("To: ada@example.com", "Subject: Hello", "plain body",
							"html body", "multipart/alternative");
				}
			});
	}

	@Test
	void contextWhenApplicationDeclaresItsOwnTransportThenLatchkeysStepsAside() {
		this.runner.withPropertyValues("spring.mail.host=127.0.0.1")
			.withUserConfiguration(OwnTransport.class)
			.run((context) -> assertThat(context.getBean(MailTransport.class))
				.isSameAs(context.getBean("ownTransport")));
	}

	@Test
	void contextWhenBackoffSettingsInconsistentThenFailsNamingTheProperty() {
		this.runner.withPropertyValues("latchkey.mail.initial-backoff=10m", "latchkey.mail.maximum-backoff=1s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("latchkey.mail");
			});
	}

	private static boolean isEmpty(Path directory) throws java.io.IOException {
		try (var files = Files.list(directory)) {
			return files.findAny().isEmpty();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTransport {

		@Bean
		MailTransport ownTransport() {
			return (message) -> {
			};
		}

	}

}
