package dev.latchkey.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.password.PasswordHasher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up by invitation, run once per database: only a superuser invites, the invitation arrives
 * by mail through a real SMTP server, and works once, for the invited address only.
 */
abstract class AbstractSignUpPolicyIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	PasswordHasher passwordHasher;

	abstract MailCatcher mail();

	HttpApi api() {
		return new HttpApi(this.port);
	}

	static String newName() {
		return "inv_" + UUID.randomUUID().toString().substring(0, 8);
	}

	HttpApi.Response register(String username, String email, String invitation) {
		Map<String, String> body = new LinkedHashMap<>(Map.of("username", username, "email", email,
				"password1", PASSWORD, "password2", PASSWORD));
		if (invitation != null) {
			body.put("invitation", invitation);
		}
		return api().postJson("/api/auth/registration/", body);
	}

	HttpApi.Response invite(String access, String email) {
		return api().send("POST", "/api/auth/invitations/",
				Map.of("Content-Type", "application/json", "Authorization", "Bearer " + access),
				HttpApi.JSON.writeValueAsBytes(Map.of("email", email)));
	}

	@Test
	void registrationWhenInviteOnlyThenOnlyAnInvitedAddressSignsUpOnce() {
		String admin = adminAccess();
		String name = newName();
		String email = name + "@example.com";

		assertThat(register(name, email, null).text()).isEqualTo("{\"invitation\":[\"This field is required.\"]}");
		HttpApi.Response invited = invite(admin, email);
		assertThat(invited.status()).isEqualTo(201);
		assertThat(invited.json().get("email").asString()).isEqualTo(email);
		String link = MailCatcher.link(mail().awaitMessagesTo(email, 1).get(0));
		String key = link.substring(link.indexOf("/#/sign-up/") + "/#/sign-up/".length(), link.length() - 1);

		assertThat(register(newName(), newName() + "@example.com", key).text())
			.isEqualTo("{\"invitation\":[\"Invalid value\"]}");
		HttpApi.Response registered = register(name, email, key);
		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().get("user").get("email").asString()).isEqualTo(email);
		assertThat(register(newName(), email, key).text()).isEqualTo("{\"invitation\":[\"Invalid value\"]}");
		assertThat(api().postJson("/api/auth/signup/", Map.of("username", newName(), "password", PASSWORD)).text())
			.isEqualTo("{\"invitation\":[\"This field is required.\"]}");
	}

	@Test
	void inviteWhenNotSuperuserThenForbidden() {
		String name = newName();
		String admin = adminAccess();
		String email = name + "@example.com";
		invite(admin, email);
		String link = MailCatcher.link(mail().awaitMessagesTo(email, 1).get(0));
		String key = link.substring(link.indexOf("/#/sign-up/") + "/#/sign-up/".length(), link.length() - 1);
		String access = register(name, email, key).json().get("access").asString();

		HttpApi.Response response = invite(access, newName() + "@example.com");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.text()).isEqualTo("{\"detail\":\"You do not have permission to perform this action.\"}");
	}

	/** A superuser, stored as createsuperuser stores one (hashed by the server's hasher), then logged in. */
	private String adminAccess() {
		String username = newName();
		JdbcClient.create(this.dataSource)
			.sql("INSERT INTO latchkey_user (username, email, password, is_superuser, is_staff) VALUES (:u, '', :p, TRUE, TRUE)")
			.param("u", username)
			.param("p", this.passwordHasher.encode(PASSWORD))
			.update();
		HttpApi.Response login = api().login(username, PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		return login.json().get("access").asString();
	}

}
