package dev.latchkey.server.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few HTTP calls the key tests make, against a server on a given port.
 */
final class KeysApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	KeysApi(int port) {
		this.base = "http://localhost:" + port;
	}

	record Answer(int status, HttpResponse<String> response) {

		JsonNode json() {
			return JSON.readTree(this.response.body());
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

	}

	Answer get(String path, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request.GET().build());
	}

	/** Sign a new user up and return the pair's tokens as {@code [access, refresh]}. */
	String[] signUp() {
		String body = "{\"username\":\"u" + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\"Str0ng-Passw0rd!\"}";
		Answer answer = send(HttpRequest.newBuilder(URI.create(this.base + "/api/auth/signup/"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		JsonNode token = answer.json().get("token");
		return new String[] { token.get("access").asString(), token.get("refresh").asString() };
	}

	String signUpAccess() {
		return signUp()[0];
	}

	private Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response);
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
