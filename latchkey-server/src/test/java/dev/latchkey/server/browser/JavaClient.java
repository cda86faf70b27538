package dev.latchkey.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A second client of the server beside the browser (another "device"): plain HTTP, no cookie jar,
 * tokens taken from the {@code Set-Cookie} headers so it works in every token-delivery mode.
 */
final class JavaClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String baseUrl;

	JavaClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

	static final String FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0";

	HttpResponse<String> post(String path, Map<String, String> body, String bearer) {
		return post(path, body, bearer, null);
	}

	HttpResponse<String> post(String path, Map<String, String> body, String bearer, String userAgent) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		if (userAgent != null) {
			request.header("User-Agent", userAgent);
		}
		return send(request.build());
	}

	HttpResponse<String> get(String path, String bearer) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header("Authorization", "Bearer " + bearer)
			.GET()
			.build());
	}

	/** Logs in, starting a new session. */
	Tokens login(String username, String password) {
		return login(username, password, null);
	}

	/** Logs in as the given browser, starting a new session. */
	Tokens login(String username, String password, String userAgent) {
		HttpResponse<String> response = post("/api/token/", Map.of("username", username, "password", password), null,
				userAgent);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
		}
		return new Tokens(setCookie(response, "access"), setCookie(response, "refresh"));
	}

	/** Whether these credentials log in (without keeping the session). */
	int loginStatus(String username, String password) {
		return post("/api/token/", Map.of("username", username, "password", password), null).statusCode();
	}

	/** The status of a refresh with this refresh token (sent in the body, so no CSRF applies). */
	int refreshStatus(String refreshToken) {
		return post("/api/token/refresh/", Map.of("refresh", refreshToken), null).statusCode();
	}

	static String setCookie(HttpResponse<String> response, String name) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		for (String cookie : cookies) {
			if (cookie.startsWith(name + "=")) {
				return cookie.substring(name.length() + 1, cookie.indexOf(';'));
			}
		}
		throw new IllegalStateException("no " + name + " cookie in " + cookies);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Tokens(String access, String refresh) {
	}

}
