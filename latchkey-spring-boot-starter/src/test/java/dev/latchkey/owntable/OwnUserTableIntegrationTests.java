package dev.latchkey.owntable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up, login, refresh, sessions and logout over a real HTTP port, with the users in the
 * application's own pre-existing {@code users} table (Django's columns) on H2: nothing is
 * written to {@code latchkey_user}, and Latchkey's session rows hold the application's ids.
 */
@SpringBootTest(classes = OwnUserTableApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:owntable;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"spring.sql.init.mode=always", "spring.sql.init.schema-locations=classpath:owntable/users.sql",
				"latchkey.jwt.signing-key=own-table-test-signing-key-0123456789abcdef" })
class OwnUserTableIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CREDENTIALS = "{\"username\": \"zoe\", \"password\": \"Str0ng-Passw0rd!\"}";

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void journeyWhenUsersInApplicationTableThenEveryEndpointWorks() throws Exception {
		Answer signUp = send("POST", "/api/auth/signup/", null, "{\"username\": \"zoe\", \"name\": \"Zoe\", \"password\": \"Str0ng-Passw0rd!\"}");
		assertThat(signUp.status()).as(signUp.body()).isEqualTo(201);
		long id = signUp.json().get("user").get("id").asLong();
		assertThat(id).isGreaterThan(500);
		assertThat(this.jdbc.sql("SELECT name FROM users WHERE id = ?").param(id).query(String.class).single()).isEqualTo("Zoe");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM latchkey_user").query(Long.class).single()).isZero();

		Answer pair = send("POST", "/api/token/", null, CREDENTIALS);
		assertThat(pair.status()).isEqualTo(200);
		String access = pair.json().get("access").asString();
		Answer me = send("GET", "/api/auth/user/", access, null);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo("zoe");
		assertThat(me.json().get("id").asLong()).isEqualTo(id);

		Answer refreshed = send("POST", "/api/token/refresh/", null,
				"{\"refresh\": \"" + pair.json().get("refresh").asString() + "\"}");
		assertThat(refreshed.status()).isEqualTo(200);
		String rotated = refreshed.json().get("refresh").asString();

		Answer sessions = send("GET", "/api/auth/sessions/", refreshed.json().get("access").asString(), null);
		assertThat(sessions.status()).isEqualTo(200);
		assertThat(sessions.json().size()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM latchkey_session WHERE user_id = ?").param(id).query(Long.class).single())
			.isEqualTo(2);

		assertThat(send("POST", "/api/auth/logout/", null, "{\"refresh\": \"" + rotated + "\"}").status()).isEqualTo(200);
		assertThat(send("POST", "/api/token/refresh/", null, "{\"refresh\": \"" + rotated + "\"}").status()).isEqualTo(401);
		assertThat(send("POST", "/api/auth/signup/", null, CREDENTIALS).status()).isEqualTo(400);
	}

	private Answer send(String method, String path, String access, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (access != null) {
			request.header("Authorization", "Bearer " + access);
		}
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	record Answer(int status, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
