package dev.latchkey.server.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Just enough of a real-HTTP client for the import tests: JSON posts and bearer GETs against the
 * server on its random port.
 */
final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String baseUrl;

	ApiClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	Response login(String username, String password) {
		return post("/api/token/", Map.of("username", username, "password", password));
	}

	Response refresh(String refreshToken) {
		return post("/api/token/refresh/", Map.of("refresh", refreshToken));
	}

	Response currentUser(String accessToken) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/auth/user/"))
			.header("Authorization", "Bearer " + accessToken)
			.GET());
	}

	Response post(String path, Map<String, String> body) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), JSON.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, JsonNode json) {

		String text(String field) {
			return this.json.path(field).asString();
		}

	}

}
