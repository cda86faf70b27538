package dev.latchkey.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real-HTTP client for the integration tests: JSON in, JSON out, against the server on
 * its random port.
 */
final class HttpApi {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String baseUrl;

	HttpApi(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	Response send(String method, String path, Map<String, String> headers, byte[] body) {
		// Bounded, so that a server that hangs fails the test instead of freezing the build.
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(java.time.Duration.ofSeconds(60))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Response postJson(String path, Object body) {
		return send("POST", path, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(body));
	}

	Response get(String path, String accessToken) {
		return send("GET", path, Map.of("Authorization", "Bearer " + accessToken), null);
	}

	Response signUp(String username, String password) {
		return postJson("/api/auth/signup/", Map.of("username", username, "password", password));
	}

	Response login(String username, String password) {
		return postJson("/api/token/", Map.of("username", username, "password", password));
	}

	record Response(int status, Map<String, List<String>> headers, byte[] rawBody) {

		JsonNode json() {
			return JSON.readTree(this.rawBody);
		}

		String text() {
			return new String(this.rawBody, StandardCharsets.UTF_8);
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		List<String> headers(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.toList();
		}

	}

}
