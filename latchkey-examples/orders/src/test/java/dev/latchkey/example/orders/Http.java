package dev.latchkey.example.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A front end's view of the application: JSON over a real HTTP port. */
final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	Http(int port) {
		this.port = port;
	}

	Answer send(String method, String path, String access, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (access != null) {
			request.header("Authorization", "Bearer " + access);
		}
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	/** Sign up and return the access token. */
	Answer signUp(String username) throws Exception {
		return send("POST", "/api/auth/signup/", null,
				"{\"username\": \"" + username + "\", \"password\": \"Str0ng-Passw0rd!\"}");
	}

	/** Log in and return the token pair. */
	Answer login(String username) throws Exception {
		return send("POST", "/api/token/", null,
				"{\"username\": \"" + username + "\", \"password\": \"Str0ng-Passw0rd!\"}");
	}

	/**
	 * One answer.
	 *
	 * @param status the HTTP status
	 * @param body the raw body
	 */
	record Answer(int status, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String text(String field) {
			return json().get(field).asString();
		}

	}

}
