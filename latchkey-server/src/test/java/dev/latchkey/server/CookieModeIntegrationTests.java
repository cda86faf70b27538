package dev.latchkey.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser path over real HTTP: cookies as a browser sends them, Django's CSRF double submit,
 * stale cookies that must not block anyone, cookie-only delivery and CORS.
 */
class CookieModeIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]*");

	/** The cookies a response sets, as name=value pairs a browser would send back. */
	static Map<String, String> cookies(HttpApi.Response response) {
		Map<String, String> cookies = new LinkedHashMap<>();
		for (String header : response.headers("Set-Cookie")) {
			String pair = header.substring(0, header.indexOf(';'));
			cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		return cookies;
	}

	static String cookieHeader(Map<String, String> cookies, String... names) {
		StringBuilder header = new StringBuilder();
		for (String name : names) {
			header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(cookies.get(name));
		}
		return header.toString();
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:cookies;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
					"latchkey.jwt.signing-key=cookie-test-signing-key-0123456789abcdef0123",
					"latchkey.web.cors-allowed-origins=https://app.example" })
	class DefaultDelivery {

		@LocalServerPort
		int port;

		HttpApi api() {
			return new HttpApi(this.port);
		}

		Map<String, String> signUp() {
			HttpApi.Response response = api().signUp(AbstractJourneyIntegrationTests.uniqueUsername(), PASSWORD);
			assertThat(response.status()).isEqualTo(201);
			return cookies(response);
		}

		HttpApi.Response patchName(Map<String, String> headers) {
			Map<String, String> all = new LinkedHashMap<>(headers);
			all.put("Content-Type", "application/json");
			return api().send("PATCH", "/api/auth/user/", all, "{\"name\":\"Changed\"}".getBytes(StandardCharsets.UTF_8));
		}

		@Test
		void signUpThenCsrfCookieReadableAndTokenCookiesHttpOnly() {
			HttpApi.Response response = api().signUp(AbstractJourneyIntegrationTests.uniqueUsername(), PASSWORD);
			assertThat(response.headers("Set-Cookie")).anySatisfy((c) -> assertThat(c).startsWith("csrftoken=")
				.contains("Path=/", "SameSite=Lax", "Secure")
				.doesNotContain("HttpOnly"));
			assertThat(response.headers("Set-Cookie")).filteredOn((c) -> !c.startsWith("csrftoken="))
				.allSatisfy((c) -> assertThat(c).contains("HttpOnly"));
			HttpApi.Response csrf = api().send("GET", "/api/auth/csrf/", Map.of(), null);
			assertThat(csrf.status()).isEqualTo(200);
			assertThat(cookies(csrf).get("csrftoken")).hasSize(32);
		}

		@Test
		void unsafeRequestAuthenticatedByCookieWhenCsrfHeaderMissingOrWrongThenForbidden() {
			Map<String, String> cookies = signUp();
			String cookie = cookieHeader(cookies, "access", "csrftoken");

			HttpApi.Response missing = patchName(Map.of("Cookie", cookie));
			assertThat(missing.status()).isEqualTo(403);
			assertThat(missing.json().get("detail").asString()).isEqualTo("CSRF Failed: CSRF token missing.");
			HttpApi.Response wrong = patchName(Map.of("Cookie", cookie, "X-CSRFToken", "x".repeat(32)));
			assertThat(wrong.status()).isEqualTo(403);
			assertThat(wrong.json().get("detail").asString()).isEqualTo("CSRF Failed: CSRF token incorrect.");
			HttpApi.Response logoutAll = api().send("POST", "/api/auth/logout-all/", Map.of("Cookie", cookie), null);
			assertThat(logoutAll.status()).isEqualTo(403);

			HttpApi.Response right = patchName(Map.of("Cookie", cookie, "X-CSRFToken", cookies.get("csrftoken")));
			assertThat(right.status()).isEqualTo(200);
			assertThat(right.json().get("name").asString()).isEqualTo("Changed");
			HttpApi.Response safe = api().send("GET", "/api/auth/user/", Map.of("Cookie", cookie), null);
			assertThat(safe.status()).isEqualTo(200);
		}

		@Test
		void unsafeRequestWithBearerHeaderThenNoCsrfNeeded() {
			Map<String, String> cookies = signUp();
			HttpApi.Response response = patchName(Map.of("Authorization", "Bearer " + cookies.get("access"),
					"Cookie", cookieHeader(cookies, "access")));
			assertThat(response.status()).isEqualTo(200);
		}

		@Test
		void refreshAndLogoutFromCookieNeedCsrfButFromBodyDoNot() {
			Map<String, String> cookies = signUp();
			String cookie = cookieHeader(cookies, "refresh", "csrftoken");

			HttpApi.Response forged = api().send("POST", "/api/token/refresh/", Map.of("Cookie", cookie), null);
			assertThat(forged.status()).isEqualTo(403);
			HttpApi.Response forgedLogout = api().send("POST", "/api/auth/logout/", Map.of("Cookie", cookie), null);
			assertThat(forgedLogout.status()).isEqualTo(403);

			HttpApi.Response refreshed = api().send("POST", "/api/token/refresh/",
					Map.of("Cookie", cookie, "X-CSRFToken", cookies.get("csrftoken")), null);
			assertThat(refreshed.status()).isEqualTo(200);
			String rotated = cookies(refreshed).get("refresh");
			HttpApi.Response byBody = api().postJson("/api/token/refresh/", Map.of("refresh", rotated));
			assertThat(byBody.status()).isEqualTo(200);
		}

		@Test
		void staleOrGarbageAccessCookieThenSignUpLoginAndRefreshStillWork() {
			String username = AbstractJourneyIntegrationTests.uniqueUsername();
			Map<String, String> stale = Map.of("Cookie", "access=not.a.token; refresh=also-not", "Content-Type",
					"application/json");
			HttpApi.Response signUp = api().send("POST", "/api/auth/signup/", stale,
					("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8));
			assertThat(signUp.status()).isEqualTo(201);
			HttpApi.Response login = api().send("POST", "/api/token/", stale,
					("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8));
			assertThat(login.status()).isEqualTo(200);
			HttpApi.Response refresh = api().send("POST", "/api/token/refresh/", stale,
					("{\"refresh\":\"" + login.json().get("refresh").asString() + "\"}").getBytes(StandardCharsets.UTF_8));
			assertThat(refresh.status()).isEqualTo(200);
		}

		@Test
		void corsWhenAllowedOriginThenCredentialedPreflightAndOtherOriginRefused() {
			HttpApi.Response preflight = api().send("OPTIONS", "/api/auth/user/", Map.of("Origin", "https://app.example",
					"Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "content-type,x-csrftoken"), null);
			assertThat(preflight.status()).isEqualTo(200);
			assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
			assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");

			HttpApi.Response other = api().send("OPTIONS", "/api/auth/user/", Map.of("Origin", "https://evil.example",
					"Access-Control-Request-Method", "PATCH"), null);
			assertThat(other.header("Access-Control-Allow-Origin")).isNull();
			assertThat(other.status()).isEqualTo(403);
		}

		@Test
		void responsesCarrySecurityHeaders() {
			HttpApi.Response response = api().send("GET", "/api/auth/csrf/", Map.of(), null);
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
			assertThat(response.header("Cache-Control")).contains("no-store");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:cookie-only;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
					"latchkey.jwt.signing-key=cookie-test-signing-key-0123456789abcdef0123",
					"latchkey.web.token-delivery=cookie" })
	class CookieOnlyDelivery {

		@LocalServerPort
		int port;

		@Test
		void journeyWhenCookieDeliveryThenNoBodyCarriesATokenString() {
			HttpApi api = new HttpApi(this.port);
			String username = AbstractJourneyIntegrationTests.uniqueUsername();
			HttpApi.Response signUp = api.signUp(username, PASSWORD);
			HttpApi.Response login = api.login(username, PASSWORD);
			Map<String, String> cookies = cookies(login);
			String csrf = cookies.get("csrftoken");
			HttpApi.Response user = api.send("GET", "/api/auth/user/", Map.of("Cookie", cookieHeader(cookies, "access")), null);
			HttpApi.Response refresh = api.send("POST", "/api/token/refresh/",
					Map.of("Cookie", cookieHeader(cookies, "refresh", "csrftoken"), "X-CSRFToken", csrf), null);
			Map<String, String> rotated = cookies(refresh);
			HttpApi.Response sessions = api.send("GET", "/api/auth/sessions/", Map.of("Cookie", "access=" + rotated.get("access")), null);
			HttpApi.Response logout = api.send("POST", "/api/auth/logout/",
					Map.of("Cookie", "refresh=" + rotated.get("refresh") + "; csrftoken=" + csrf, "X-CSRFToken", csrf), null);

			for (HttpApi.Response response : new HttpApi.Response[] { signUp, login, user, refresh, sessions, logout }) {
				assertThat(response.status()).isBetween(200, 201);
				assertThat(JWT.matcher(response.text()).find()).as(response.text()).isFalse();
			}
			JsonNode body = signUp.json();
			assertThat(body.get("user").get("username").asString()).isEqualTo(username);
			assertThat(body.has("token")).isFalse();
			assertThat(rotated.get("access")).matches(JWT);
		}

		/** Issue #14, item 11: with cookie delivery no body carries a token, not even a sliding one. */
		@Test
		void slidingWhenCookieDeliveryThenNotServedAndNoTokenInAnyBody() {
			HttpApi api = new HttpApi(this.port);
			String username = AbstractJourneyIntegrationTests.uniqueUsername();
			api.signUp(username, PASSWORD);
			HttpApi.Response sliding = api.postJson("/api/token/sliding/", Map.of("username", username, "password", PASSWORD));

			assertThat(sliding.status()).isEqualTo(404);
			assertThat(JWT.matcher(sliding.text()).find()).as(sliding.text()).isFalse();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:cookie-prefixes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
					"latchkey.jwt.signing-key=cookie-test-signing-key-0123456789abcdef0123",
					"latchkey.cookies.name-prefixes=true" })
	class PrefixedNames {

		@LocalServerPort
		int port;

		/** Issue #14, item 11: optional __Host- prefixes, so a sibling subdomain cannot toss these cookies. */
		@Test
		void cookiesWhenNamePrefixesThenHostAndSecurePrefixedAndStillAuthenticate() {
			HttpApi api = new HttpApi(this.port);
			HttpApi.Response signUp = api.signUp(AbstractJourneyIntegrationTests.uniqueUsername(), PASSWORD);
			Map<String, String> cookies = cookies(signUp);

			assertThat(cookies).containsOnlyKeys("__Host-access", "__Secure-refresh", "__Host-csrftoken");
			assertThat(signUp.headers("Set-Cookie")).allSatisfy((c) -> assertThat(c).contains("Secure").doesNotContain("Domain"));
			assertThat(signUp.headers("Set-Cookie")).filteredOn((c) -> c.startsWith("__Host-"))
				.allSatisfy((c) -> assertThat(c).contains("Path=/;"));
			HttpApi.Response user = api.send("GET", "/api/auth/user/",
					Map.of("Cookie", cookieHeader(cookies, "__Host-access")), null);
			assertThat(user.status()).isEqualTo(200);
			String csrf = cookies.get("__Host-csrftoken");
			HttpApi.Response refresh = api.send("POST", "/api/token/refresh/",
					Map.of("Cookie", cookieHeader(cookies, "__Secure-refresh", "__Host-csrftoken"), "X-CSRFToken", csrf), null);
			assertThat(refresh.status()).isEqualTo(200);
		}

	}

}
