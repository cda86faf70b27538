package dev.latchkey.server;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user administration API over real HTTP on H2: superusers only; search, deactivate (which
 * ends the user's sessions and refuses their logins) and logout-all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:admin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=admin-test-signing-key-0123456789abcdef01234" })
class UserAdminIntegrationTests {

	private static final String PASSWORD = "Str0ng-Passw0rd!";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void adminUsersWhenNotSuperuserThen401Or403() {
		HttpApi api = new HttpApi(this.port);
		assertThat(api.send("GET", "/api/admin/users/", Map.of(), null).status()).isEqualTo(401);
		String staff = access(api, "admin_staff_only");
		this.jdbc.sql("UPDATE latchkey_user SET is_staff = TRUE WHERE username = 'admin_staff_only'").update();
		String staffAgain = login(api, "admin_staff_only");
		HttpApi.Response denied = api.get("/api/admin/users/", staffAgain);
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.json().get("detail").asString()).isEqualTo("You do not have permission to perform this action.");
		assertThat(api.get("/api/admin/users/", staff).status()).isEqualTo(403);
	}

	@Test
	void adminUsersWhenSuperuserThenSearchDeactivateAndLogoutAll() {
		HttpApi api = new HttpApi(this.port);
		String root = superuser(api, "admin_root");
		access(api, "admin_carol");
		access(api, "admin_dave");
		login(api, "admin_dave");
		long daveId = this.jdbc.sql("SELECT id FROM latchkey_user WHERE username = 'admin_dave'").query(Long.class).single();

		HttpApi.Response found = api.get("/api/admin/users/?search=ADMIN_C", root);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().size()).isEqualTo(1);
		assertThat(found.json().get(0).get("username").asString()).isEqualTo("admin_carol");
		assertThat(found.json().get(0).has("password")).isFalse();
		assertThat(api.get("/api/admin/users/?search=%25", root).json().size()).isZero();

		HttpApi.Response loggedOut = api.send("POST", "/api/admin/users/" + daveId + "/logout-all/",
				Map.of("Authorization", "Bearer " + root), null);
		assertThat(loggedOut.status()).isEqualTo(200);
		assertThat(loggedOut.json().get("sessions_ended").asInt()).isEqualTo(2);

		HttpApi.Response deactivated = api.send("POST", "/api/admin/users/" + daveId + "/deactivate/",
				Map.of("Authorization", "Bearer " + root), null);
		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(deactivated.json().get("is_active").asBoolean()).isFalse();
		assertThat(api.login("admin_dave", PASSWORD).status()).isEqualTo(401);
		assertThat(this.jdbc.sql("SELECT is_active FROM latchkey_user WHERE id = ?").param(daveId).query(Boolean.class).single())
			.isFalse();

		assertThat(api.send("POST", "/api/admin/users/999999/deactivate/", Map.of("Authorization", "Bearer " + root), null)
			.status()).isEqualTo(404);
	}

	private String superuser(HttpApi api, String username) {
		access(api, username);
		this.jdbc.sql("UPDATE latchkey_user SET is_staff = TRUE, is_superuser = TRUE WHERE username = ?")
			.param(username)
			.update();
		return login(api, username);
	}

	private static String access(HttpApi api, String username) {
		HttpApi.Response signUp = api.signUp(username, PASSWORD);
		assertThat(signUp.status()).isEqualTo(201);
		return signUp.json().get("token").get("access").asString();
	}

	private static String login(HttpApi api, String username) {
		return api.login(username, PASSWORD).json().get("access").asString();
	}

}
