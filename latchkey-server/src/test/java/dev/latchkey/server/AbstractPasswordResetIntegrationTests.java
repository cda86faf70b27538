package dev.latchkey.server;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password reset end to end, run once per database: the mail goes through a real SMTP server in
 * this JVM, its link works once, and afterwards every earlier session and access token is
 * refused. Requests come through a trusted proxy so that each test has client addresses of its
 * own.
 */
abstract class AbstractPasswordResetIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	static final String NEW_PASSWORD = "An0ther-Passw0rd?";

	static final String SENT = "{\"detail\":\"Password reset e-mail has been sent.\"}";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	abstract MailCatcher mail();

	HttpApi api() {
		return new HttpApi(this.port);
	}

	record Account(String username, String email, String access, String refresh) {
	}

	Account signUp() {
		String username = "reset_" + UUID.randomUUID().toString().substring(0, 8);
		String email = username + "@example.com";
		HttpApi.Response response = api().postJson("/api/auth/signup/",
				Map.of("username", username, "email", email, "password", PASSWORD));
		assertThat(response.status()).isEqualTo(201);
		JsonNode token = response.json().get("token");
		return new Account(username, email, token.get("access").asString(), token.get("refresh").asString());
	}

	HttpApi.Response requestReset(String email, String ip) {
		return api().send("POST", "/api/auth/password/reset/",
				Map.of("Content-Type", "application/json", "X-Forwarded-For", ip),
				HttpApi.JSON.writeValueAsBytes(Map.of("email", email)));
	}

	HttpApi.Response confirm(String uid, String token, String password1, String password2) {
		return api().postJson("/api/auth/password/reset/confirm/",
				Map.of("uid", uid, "token", token, "new_password1", password1, "new_password2", password2));
	}

	/** The uid and token of the link in a reset mail, after checking where it points. */
	String[] uidAndToken(MimeMessage message) {
		String link = MailCatcher.link(message);
		String prefix = "http://localhost:" + this.port + "/#/password-reset/confirm/";
		assertThat(link).startsWith(prefix);
		String[] parts = link.substring(prefix.length()).split("/");
		return new String[] { parts[0], parts[1] };
	}

	static String ip() {
		return "198.51.100." + (1 + (int) (Math.random() * 250));
	}

	@Test
	void resetWhenKnownEmailThenMailLinkWorksOnceAndEndsEverySession() throws Exception {
		Account account = signUp();
		HttpApi.Response second = api().login(account.username(), PASSWORD);
		assertThat(api().get("/api/auth/user/", account.access()).status()).isEqualTo(200);

		HttpApi.Response response = requestReset(account.email(), ip());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo(SENT);
		MimeMessage message = mail().awaitMessagesTo(account.email(), 1).get(0);
		assertThat(message.getSubject()).isEqualTo("Password reset on Latchkey");
		assertThat(MailCatcher.part(message, "text/html")).contains("<a href=\"" + MailCatcher.link(message) + "\">");
		assertThat(MailCatcher.part(message, "text/plain")).contains(account.username());
		String[] link = uidAndToken(message);
		assertThat(storedTokenHashes()).doesNotContain(link[1]).noneMatch((hash) -> hash.contains(link[1]));

		HttpApi.Response confirmed = confirm(link[0], link[1], NEW_PASSWORD, NEW_PASSWORD);
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.text()).isEqualTo("{\"detail\":\"Password has been reset with the new password.\"}");

		HttpApi.Response again = confirm(link[0], link[1], "Thi3d-Passw0rd#", "Thi3d-Passw0rd#");
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.text()).isEqualTo("{\"token\":[\"Invalid value\"]}");
		assertThat(api().get("/api/auth/user/", account.access()).status()).isEqualTo(401);
		assertThat(api().get("/api/auth/user/", second.json().get("access").asString()).status()).isEqualTo(401);
		assertThat(api().postJson("/api/token/refresh/", Map.of("refresh", account.refresh())).status()).isEqualTo(401);
		assertThat(api().postJson("/api/token/refresh/", Map.of("refresh", second.json().get("refresh").asString()))
			.status()).isEqualTo(401);
		assertThat(api().login(account.username(), PASSWORD).status()).isEqualTo(401);
		assertThat(api().login(account.username(), NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void resetWhenUnknownEmailThenSameAnswerAndNoMail() {
		String unknown = "nobody_" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		Account account = signUp();

		HttpApi.Response forUnknown = requestReset(unknown, ip());
		HttpApi.Response forKnown = requestReset(account.email(), ip());

		assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(200);
		assertThat(forUnknown.text()).isEqualTo(forKnown.text()).isEqualTo(SENT);
		// Requests are handled in order on one thread: once the second mail is out, the first had its turn.
		mail().awaitMessagesTo(account.email(), 1);
		assertThat(mail().messagesTo(unknown)).isEmpty();
		assertThat(outboxRecipients()).doesNotContain(unknown);
	}

	@Test
	void resetWhenEmailDiffersInCaseThenMailGoesToTheStoredAddress() {
		Account account = signUp();

		assertThat(requestReset(account.email().toUpperCase(), ip()).status()).isEqualTo(200);

		assertThat(mail().awaitMessagesTo(account.email(), 1)).hasSize(1);
	}

	@Test
	void confirmWhenNewerResetRequestedThenOlderTokenInvalid() {
		Account account = signUp();
		requestReset(account.email(), ip());
		String[] first = uidAndToken(mail().awaitMessagesTo(account.email(), 1).get(0));
		requestReset(account.email(), ip());
		List<MimeMessage> both = mail().awaitMessagesTo(account.email(), 2);
		String[] second = uidAndToken(both.get(1));

		assertThat(confirm(first[0], first[1], NEW_PASSWORD, NEW_PASSWORD).text())
			.isEqualTo("{\"token\":[\"Invalid value\"]}");
		assertThat(confirm(second[0], second[1], NEW_PASSWORD, NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void confirmWhenPasswordChangedSinceTheMailThenTokenInvalid() {
		Account account = signUp();
		requestReset(account.email(), ip());
		String[] link = uidAndToken(mail().awaitMessagesTo(account.email(), 1).get(0));
		HttpApi.Response changed = api().send("POST", "/api/auth/password/change/",
				Map.of("Content-Type", "application/json", "Authorization", "Bearer " + account.access()),
				HttpApi.JSON.writeValueAsBytes(Map.of("old_password", PASSWORD, "new_password1", NEW_PASSWORD,
						"new_password2", NEW_PASSWORD)));
		assertThat(changed.status()).isEqualTo(200);

		HttpApi.Response response = confirm(link[0], link[1], "Thi3d-Passw0rd#", "Thi3d-Passw0rd#");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).isEqualTo("{\"token\":[\"Invalid value\"]}");
	}

	@Test
	void confirmWhenPasswordsInvalidThenDjangoMessagesAndTokenStillUsable() {
		Account account = signUp();
		requestReset(account.email(), ip());
		String[] link = uidAndToken(mail().awaitMessagesTo(account.email(), 1).get(0));

		HttpApi.Response mismatch = confirm(link[0], link[1], NEW_PASSWORD, NEW_PASSWORD + "x");
		HttpApi.Response weak = confirm(link[0], link[1], "12345678", "12345678");
		HttpApi.Response badUid = confirm("eA", link[1], NEW_PASSWORD, NEW_PASSWORD);
		HttpApi.Response missing = api().postJson("/api/auth/password/reset/confirm/", Map.of("uid", link[0]));

		assertThat(mismatch.text()).isEqualTo("{\"new_password2\":[\"The two password fields didn\u2019t match.\"]}");
		assertThat(weak.json().get("new_password2").toString()).contains("This password is too common.",
				"This password is entirely numeric.");
		assertThat(badUid.text()).isEqualTo("{\"uid\":[\"Invalid value\"]}");
		assertThat(missing.text()).isEqualTo("{\"token\":[\"This field is required.\"],"
				+ "\"new_password1\":[\"This field is required.\"],\"new_password2\":[\"This field is required.\"]}");
		assertThat(confirm(link[0], link[1], NEW_PASSWORD, NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void resetWhenInvalidEmailThenFieldError() {
		HttpApi.Response response = requestReset("not-an-address", ip());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).isEqualTo("{\"email\":[\"Enter a valid email address.\"]}");
	}

	@Test
	void resetWhenRequestedTooOftenForOneEmailThenThrottled() {
		Account account = signUp();
		for (int i = 0; i < 3; i++) {
			assertThat(requestReset(account.email(), ip()).status()).isEqualTo(200);
		}

		HttpApi.Response response = requestReset(account.email(), ip());

		assertThat(response.status()).isEqualTo(429);
		assertThat(response.header("Retry-After")).isNotNull();
		assertThat(response.json().get("detail").asString()).startsWith("Request was throttled.");
	}

	@Test
	void resetWhenRequestedTooOftenFromOneAddressThenThrottled() {
		String address = "203.0.113." + (1 + (int) (Math.random() * 250));
		for (int i = 0; i < 5; i++) {
			assertThat(requestReset("someone" + i + UUID.randomUUID() + "@example.com", address).status()).isEqualTo(200);
		}

		assertThat(requestReset("another" + UUID.randomUUID() + "@example.com", address).status()).isEqualTo(429);
		assertThat(requestReset("another" + UUID.randomUUID() + "@example.com", ip()).status()).isEqualTo(200);
	}

	@Test
	void resetWhenMailServerDownThenAnsweredAndMailArrivesOnceItIsBack() {
		Account account = signUp();
		mail().stop();
		try {
			HttpApi.Response response = requestReset(account.email(), ip());

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.text()).isEqualTo(SENT);
			awaitFailedAttempt(account.email());
		}
		finally {
			mail().start();
		}
		MimeMessage message = mail().awaitMessagesTo(account.email(), 1).get(0);
		String[] link = uidAndToken(message);
		assertThat(confirm(link[0], link[1], NEW_PASSWORD, NEW_PASSWORD).status()).isEqualTo(200);
		assertThat(outboxRow(account.email())).containsEntry("text_body", "");
	}

	private void awaitFailedAttempt(String email) {
		for (int i = 0; i < 600; i++) {
			Map<String, Object> row = outboxRow(email);
			if (row != null && row.get("last_error") != null) {
				assertThat(row.get("sent_at")).isNull();
				return;
			}
			MailCatcher.sleep(50);
		}
		throw new AssertionError("No failed delivery attempt recorded for " + email);
	}

	private Map<String, Object> outboxRow(String email) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT text_body, last_error, sent_at FROM latchkey_mail_outbox WHERE recipient = :email")
			.param("email", email)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
	}

	private List<String> outboxRecipients() {
		return JdbcClient.create(this.dataSource).sql("SELECT recipient FROM latchkey_mail_outbox").query(String.class).list();
	}

	private List<String> storedTokenHashes() {
		return JdbcClient.create(this.dataSource).sql("SELECT token_hash FROM latchkey_password_reset").query(String.class).list();
	}

}
