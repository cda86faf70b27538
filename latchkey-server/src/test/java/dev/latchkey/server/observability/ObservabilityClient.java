package dev.latchkey.server.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the server on its random port, for the observability tests: sign up, log
 * in, and read the actuator and springdoc endpoints.
 */
final class ObservabilityClient {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String baseUrl;

	ObservabilityClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	static String uniqueUsername() {
		return "obs_" + UUID.randomUUID().toString().substring(0, 8);
	}

	HttpResponse<String> get(String path, String accessToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET();
		if (accessToken != null) {
			request.header("Authorization", "Bearer " + accessToken);
		}
		return send(request);
	}

	HttpResponse<String> postJson(String path, Map<String, String> body) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.header("User-Agent", "observability-test")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/** Sign up a new user and return its access token. */
	String signUp(String username) {
		HttpResponse<String> response = postJson("/api/auth/signup/",
				Map.of("username", username, "password", PASSWORD));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Sign-up answered " + response.statusCode() + ": " + response.body());
		}
		return json(response).get("token").get("access").asString();
	}

	HttpResponse<String> login(String username, String password) {
		return postJson("/api/token/", Map.of("username", username, "password", password));
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
