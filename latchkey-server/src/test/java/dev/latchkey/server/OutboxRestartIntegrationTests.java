package dev.latchkey.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox across a restart, on an H2 file database and on PostgreSQL: a reset is asked for
 * while the mail server is down (answered 200), Latchkey stops with the mail still unsent, the
 * mail server comes back, and the next Latchkey sends the mail, whose link then works.
 */
class OutboxRestartIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	@TempDir
	Path directory;

	@Test
	void resetWhenMailServerDownAndLatchkeyRestartedThenMailSentByTheNextInstanceOnH2() throws Exception {
		String url = "jdbc:h2:file:" + this.directory.resolve("outbox").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		survivesRestart(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=sa",
				"--spring.datasource.password="));
	}

	@Test
	void resetWhenMailServerDownAndLatchkeyRestartedThenMailSentByTheNextInstanceOnPostgres() throws Exception {
		survivesRestart(List.of("--spring.datasource.url=" + TestPostgres.url("outbox_restart"),
				"--spring.datasource.username=postgres", "--spring.datasource.password="));
	}

	private void survivesRestart(List<String> datasource) throws Exception {
		MailCatcher mail = new MailCatcher();
		List<String> args = new ArrayList<>(datasource);
		args.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--latchkey.jwt.signing-key=outbox-restart-test-signing-key-0123456789abcdef",
				"--latchkey.data-directory=" + Files.createDirectories(this.directory.resolve("data")),
				"--latchkey.mail.initial-backoff=100ms", "--latchkey.mail.maximum-backoff=200ms",
				"--latchkey.mail.poll-interval=100ms"));
		args.addAll(List.of(mail.properties()));
		String username = "restart_" + UUID.randomUUID().toString().substring(0, 8);
		String email = username + "@example.com";
		try (ConfigurableApplicationContext first = start(args)) {
			HttpApi api = api(first);
			assertThat(api.postJson("/api/auth/signup/", Map.of("username", username, "email", email, "password",
					PASSWORD)).status()).isEqualTo(201);

			HttpApi.Response response = api.postJson("/api/auth/password/reset/", Map.of("email", email));

			assertThat(response.status()).isEqualTo(200);
			awaitFailedAttempt(first.getBean(DataSource.class), email);
		}
		mail.start();
		try (ConfigurableApplicationContext second = start(args)) {
			MimeMessage message = mail.awaitMessagesTo(email, 1).get(0);
			String link = MailCatcher.link(message);
			String[] parts = link.substring(link.indexOf("/confirm/") + "/confirm/".length()).split("/");

			HttpApi.Response confirmed = api(second).postJson("/api/auth/password/reset/confirm/",
					Map.of("uid", parts[0], "token", parts[1], "new_password1", "An0ther-Passw0rd?", "new_password2",
							"An0ther-Passw0rd?"));

			assertThat(confirmed.status()).isEqualTo(200);
			assertThat(api(second).login(username, "An0ther-Passw0rd?").status()).isEqualTo(200);
			assertThat(mail.messagesTo(email)).hasSize(1);
		}
		finally {
			mail.stop();
		}
	}

	private static void awaitFailedAttempt(DataSource dataSource, String email) {
		for (int i = 0; i < 600; i++) {
			List<Map<String, Object>> rows = JdbcClient.create(dataSource)
				.sql("SELECT last_error, sent_at FROM latchkey_mail_outbox WHERE recipient = :email")
				.param("email", email)
				.query()
				.listOfRows();
			if (!rows.isEmpty() && rows.get(0).get("last_error") != null) {
				assertThat(rows.get(0).get("sent_at")).isNull();
				return;
			}
			MailCatcher.sleep(50);
		}
		throw new AssertionError("No failed delivery attempt recorded for " + email);
	}

	private static ConfigurableApplicationContext start(List<String> args) {
		return new SpringApplicationBuilder(LatchkeyServerApplication.class).run(args.toArray(String[]::new));
	}

	private static HttpApi api(ConfigurableApplicationContext context) {
		return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort());
	}

}
