package dev.latchkey.server;

import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mandatory email verification end to end, run once per database, with the mail going through a
 * real SMTP server in this JVM: no session before the link is opened, the link works once, a
 * resend replaces the key, and a changed address replaces the old one only once verified.
 */
abstract class AbstractEmailVerificationIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	static final String NOT_VERIFIED = "{\"non_field_errors\":[\"E-mail is not verified.\"]}";

	@LocalServerPort
	int port;

	abstract MailCatcher mail();

	HttpApi api() {
		return new HttpApi(this.port);
	}

	static String newUsername() {
		return "verify_" + UUID.randomUUID().toString().substring(0, 8);
	}

	HttpApi.Response register(String username, String email) {
		return api().postJson("/api/auth/registration/",
				Map.of("username", username, "email", email, "password1", PASSWORD, "password2", PASSWORD));
	}

	HttpApi.Response restAuthLogin(String username) {
		return api().postJson("/api/auth/login/", Map.of("username", username, "password", PASSWORD));
	}

	HttpApi.Response verify(String key) {
		return api().postJson("/api/auth/registration/verify-email/", Map.of("key", key));
	}

	String key(MimeMessage message) {
		String link = MailCatcher.link(message);
		String prefix = "http://localhost:" + this.port + "/#/verify-email/";
		assertThat(link).startsWith(prefix).endsWith("/");
		return link.substring(prefix.length(), link.length() - 1);
	}

	@Test
	void registrationWhenMandatoryThenNoSessionUntilTheMailLinkIsOpenedOnce() throws Exception {
		String username = newUsername();
		String email = username + "@example.com";

		HttpApi.Response registered = register(username, email);

		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.text()).isEqualTo("{\"detail\":\"Verification e-mail sent.\"}");
		assertThat(registered.headers("Set-Cookie")).isEmpty();
		assertThat(restAuthLogin(username).text()).isEqualTo(NOT_VERIFIED);
		assertThat(api().login(username, PASSWORD).text()).isEqualTo(NOT_VERIFIED);
		MimeMessage message = mail().awaitMessagesTo(email, 1).get(0);
		assertThat(message.getSubject()).isEqualTo("[Latchkey] Please Confirm Your E-mail Address");
		String key = key(message);

		HttpApi.Response verified = verify(key);

		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.text()).isEqualTo("{\"detail\":\"ok\"}");
		assertThat(verify(key).status()).isEqualTo(404);
		assertThat(verify(key).text()).isEqualTo("{\"detail\":\"Not found.\"}");
		HttpApi.Response login = restAuthLogin(username);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("user").get("email").asString()).isEqualTo(email);
		assertThat(api().login(username, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void registrationWhenEmailTakenIgnoringCaseThenRefused() {
		String first = newUsername();
		assertThat(register(first, first + "@example.com").status()).isEqualTo(201);

		HttpApi.Response response = register(newUsername(), first.toUpperCase() + "@EXAMPLE.com");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).isEqualTo("{\"email\":[\"A user is already registered with this e-mail address.\"]}");
	}

	@Test
	void registrationWhenEmailMissingThenRequired() {
		HttpApi.Response response = api().postJson("/api/auth/registration/",
				Map.of("username", newUsername(), "password1", PASSWORD, "password2", PASSWORD));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).isEqualTo("{\"email\":[\"This field is required.\"]}");
	}

	@Test
	void resendWhenUnverifiedThenNewKeyReplacesTheOld() {
		String username = newUsername();
		String email = username + "@example.com";
		register(username, email);
		String first = key(mail().awaitMessagesTo(email, 1).get(0));

		HttpApi.Response resent = api().postJson("/api/auth/registration/resend-email/", Map.of("email", email));

		assertThat(resent.text()).isEqualTo("{\"detail\":\"ok\"}");
		String second = key(mail().awaitMessagesTo(email, 2).get(1));
		assertThat(second).isNotEqualTo(first);
		assertThat(verify(first).status()).isEqualTo(404);
		assertThat(verify(second).status()).isEqualTo(200);
		assertThat(restAuthLogin(username).status()).isEqualTo(200);
	}

	@Test
	void signUpEndpointWhenMandatoryThenNoTokensUntilVerified() {
		String username = newUsername();
		String email = username + "@example.com";

		HttpApi.Response signedUp = api().postJson("/api/auth/signup/",
				Map.of("username", username, "email", email, "password", PASSWORD));

		assertThat(signedUp.status()).isEqualTo(201);
		assertThat(signedUp.json().has("token")).isFalse();
		assertThat(signedUp.json().get("detail").asString()).isEqualTo("Verification e-mail sent.");
		assertThat(signedUp.headers("Set-Cookie")).isEmpty();
		assertThat(api().login(username, PASSWORD).text()).isEqualTo(NOT_VERIFIED);
		assertThat(verify(key(mail().awaitMessagesTo(email, 1).get(0))).status()).isEqualTo(200);
		assertThat(api().login(username, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void changeEmailWhenVerificationOnThenOldAddressKeptUntilTheNewIsVerified() {
		String username = newUsername();
		String email = username + "@example.com";
		register(username, email);
		verify(key(mail().awaitMessagesTo(email, 1).get(0)));
		String access = restAuthLogin(username).json().get("access").asString();
		String newEmail = username + "@example.org";

		HttpApi.Response patched = api().send("PATCH", "/api/auth/user/",
				Map.of("Content-Type", "application/json", "Authorization", "Bearer " + access),
				HttpApi.JSON.writeValueAsBytes(Map.of("email", newEmail)));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("email").asString()).isEqualTo(email);
		String key = key(mail().awaitMessagesTo(newEmail, 1).get(0));
		assertThat(api().get("/api/auth/user/", access).json().get("email").asString()).isEqualTo(email);
		assertThat(verify(key).status()).isEqualTo(200);
		assertThat(api().get("/api/auth/user/", restAuthLogin(username).json().get("access").asString()).json()
			.get("email").asString()).isEqualTo(newEmail);
	}

}
