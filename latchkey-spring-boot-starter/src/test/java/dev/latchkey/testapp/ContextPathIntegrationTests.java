package dev.latchkey.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application served under a context path: Latchkey's endpoints answer both spellings of their
 * paths under it, the DRF one with the trailing slash included (before, the slash was dropped only
 * without a context path, and {@code POST /ctx/api/token/} answered 404).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=/ctx",
				"spring.datasource.url=jdbc:h2:mem:context-path;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"latchkey.jwt.signing-key=context-path-signing-key-0123456789abcdef" })
class ContextPathIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void latchkeyPathsAnswerUnderTheContextPathWithAndWithoutTheSlash() throws Exception {
		HttpResponse<String> signUp = post("/ctx/api/auth/signup/",
				"{\"username\":\"cora\",\"company\":\"Initech\",\"password\":\"Str0ng-Passw0rd!\"}");
		assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);

		HttpResponse<String> login = post("/ctx/api/token/", "{\"username\":\"cora\",\"password\":\"Str0ng-Passw0rd!\"}");
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		String access = JSON.readTree(login.body()).get("access").asString();
		assertThat(post("/ctx/api/token", "{\"username\":\"cora\",\"password\":\"Str0ng-Passw0rd!\"}").statusCode())
			.isEqualTo(200);

		for (String path : new String[] { "/ctx/api/auth/user/", "/ctx/api/auth/user" }) {
			HttpResponse<String> user = this.client.send(HttpRequest.newBuilder(uri(path))
				.header("Authorization", "Bearer " + access)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(user.statusCode()).as(path).isEqualTo(200);
			assertThat(JSON.readTree(user.body()).get("username").asString()).isEqualTo("cora");
		}
		assertThat(this.client.send(HttpRequest.newBuilder(uri("/api/token/")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).as("outside the context path").isEqualTo(404);
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return this.client.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
