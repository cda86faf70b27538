package dev.latchkey.testapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.latchkey.audit.AuditEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TestApplication} over real HTTP: each extension point at work, and the application's own
 * endpoint protected by Latchkey's JWT authentication.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:testapp;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"latchkey.jwt.signing-key=test-app-signing-key-0123456789abcdef0123" })
class TestApplicationIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	final HttpClient client = HttpClient.newHttpClient();

	HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void extensionPointsWhenDeclaredAsBeansThenLatchkeyUsesThem() throws Exception {
		HttpResponse<String> weak = post("/api/auth/signup/", "{\"username\":\"ann\",\"password\":\"12345678latchkey\"}");
		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(weak.body()).get("password").toString())
			.isEqualTo("[\"This password must not contain the product's name.\"]");
		assertThat(JSON.readTree(weak.body()).get("company").toString()).isEqualTo("[\"This field is required.\"]");
		HttpResponse<String> refused = post("/api/auth/signup/",
				"{\"username\":\"ann\",\"company\":\"ACME\",\"password\":\"Str0ng-Passw0rd!\"}");
		assertThat(JSON.readTree(refused.body()).get("company").toString())
			.isEqualTo("[\"That company is not allowed to sign up.\"]");

		HttpResponse<String> signUp = post("/api/auth/signup/",
				"{\"username\":\"ann\",\"email\":\"ann@example.com\",\"company\":\"Initech\",\"password\":\"Str0ng-Passw0rd!\"}");
		assertThat(signUp.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(signUp.body()).get("user").get("company").asString()).isEqualTo("Initech");

		HttpResponse<String> byEmail = post("/api/token/", "{\"username\":\"ann@example.com\",\"password\":\"Str0ng-Passw0rd!\"}");
		assertThat(byEmail.statusCode()).isEqualTo(200);
		String access = JSON.readTree(byEmail.body()).get("access").asString();
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
		assertThat(claims.get("plan").asString()).isEqualTo("pro");

		HttpResponse<String> orders = get("/api/orders", access);
		assertThat(orders.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(orders.body()).get("username").asString()).isEqualTo("ann");
		assertThat(JSON.readTree(orders.body()).get("plan").asString()).isEqualTo("pro");
		assertThat(JSON.readTree(get("/api/auth/user/", access).body()).get("company").asString()).isEqualTo("Initech");
		HttpResponse<String> anonymous = get("/api/orders", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");

		assertThat(TestApplication.events).extracting((event) -> event.type())
			.contains(AuditEvent.SIGN_UP, AuditEvent.LOGIN_SUCCEEDED);
	}

}
