package dev.latchkey.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects a browser, over real HTTP with CORS off, behind a trusted proxy: a form another
 * origin submits to an endpoint that sets or clears cookies is refused before it acts, with
 * Django's message, while the site's own forms and non-browser clients pass; HSTS on HTTPS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:crosssite;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"latchkey.jwt.signing-key=cross-site-test-signing-key-0123456789abcdef0123",
				"latchkey.web.trusted-proxies=127.0.0.1" })
class CrossSiteRequestIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	@LocalServerPort
	int port;

	HttpApi api() {
		return new HttpApi(this.port);
	}

	Map<String, String> signUp() {
		HttpApi.Response response = api().signUp(AbstractJourneyIntegrationTests.uniqueUsername(), PASSWORD);
		assertThat(response.status()).isEqualTo(201);
		return CookieModeIntegrationTests.cookies(response);
	}

	HttpApi.Response form(String path, String body, Map<String, String> headers) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put("Content-Type", "application/x-www-form-urlencoded");
		return api().send("POST", path, all, body.getBytes(StandardCharsets.UTF_8));
	}

	/** Issue #14, item 6: another origin's auto-submitted form cannot sign the victim in as the attacker. */
	@Test
	void loginCsrfWhenFormPostedFromAnotherOriginThenForbiddenAndNoCookieSet() {
		String attacker = AbstractJourneyIntegrationTests.uniqueUsername();
		api().signUp(attacker, PASSWORD);
		String credentials = "username=" + attacker + "&password=" + PASSWORD;

		HttpApi.Response crossSite = form("/api/token/", credentials,
				Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
		assertThat(crossSite.status()).isEqualTo(403);
		assertThat(crossSite.json().get("detail").asString())
			.isEqualTo("CSRF Failed: Origin checking failed - https://evil.example does not match any trusted origins.");
		assertThat(crossSite.headers("Set-Cookie")).isEmpty();
		HttpApi.Response noOrigin = form("/api/auth/signup/", "username=" + attacker + "x&password=" + PASSWORD,
				Map.of("Sec-Fetch-Site", "cross-site"));
		assertThat(noOrigin.status()).isEqualTo(403);
		assertThat(noOrigin.headers("Set-Cookie")).isEmpty();

		assertThat(form("/api/token/", credentials, Map.of("Origin", "http://localhost:" + this.port,
				"Sec-Fetch-Site", "same-origin")).status()).isEqualTo(200);
		assertThat(form("/api/token/", credentials, Map.of()).status()).as("not a browser").isEqualTo(200);
	}

	/** Issue #14, item 6: another origin's form cannot delete the victim's cookies (forced logout). */
	@Test
	void logoutCsrfWhenFormPostedFromAnotherOriginThenForbiddenAndNothingCleared() {
		Map<String, String> victim = signUp();
		HttpApi.Response crossSite = form("/api/auth/logout/", "refresh=x",
				Map.of("Origin", "https://evil.example", "Cookie",
						CookieModeIntegrationTests.cookieHeader(victim, "access", "refresh", "csrftoken")));

		assertThat(crossSite.status()).isEqualTo(403);
		assertThat(crossSite.headers("Set-Cookie")).isEmpty();
		assertThat(api().get("/api/auth/user/", victim.get("access")).status()).isEqualTo(200);
	}

	/** Issue #14, item 11: HSTS when the client's request was HTTPS, here ended at a trusted proxy. */
	@Test
	void hstsWhenHttpsViaTrustedProxyThenStrictTransportSecurityAndNotOverPlainHttp() {
		HttpApi.Response viaTls = api().send("GET", "/api/auth/csrf/", Map.of("X-Forwarded-Proto", "https"), null);
		HttpApi.Response plain = api().send("GET", "/api/auth/csrf/", Map.of(), null);
		HttpApi.Response forgedFirst = api().send("GET", "/api/auth/csrf/", Map.of("X-Forwarded-Proto", "https, http"),
				null);

		assertThat(viaTls.header("Strict-Transport-Security")).startsWith("max-age=");
		assertThat(plain.header("Strict-Transport-Security")).isNull();
		assertThat(forgedFirst.header("Strict-Transport-Security")).isNull();
	}

}
