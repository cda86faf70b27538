package dev.latchkey.server.hostile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one server the hostile corpora share (same properties, so Spring's test context cache starts
 * it once): embedded H2, a known HS256 signing key so the tests can mint correctly signed tokens,
 * and login throttling out of the way so a corpus of refusals is not cut short by 429s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:hostile;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=" + HostileServerTestBase.SIGNING_KEY,
				"latchkey.throttle.username-threshold=100000", "latchkey.throttle.ip-threshold=100000",
				"latchkey.throttle.sign-ups-per-window=100000" })
abstract class HostileServerTestBase {

	static final String SIGNING_KEY = "hostile-corpus-signing-key-0123456789abcdef0123456789";

	static final byte[] KEY = SIGNING_KEY.getBytes(StandardCharsets.UTF_8);

	static final String PASSWORD = "Str0ng-Passw0rd!";

	@LocalServerPort
	int port;

	RawHttp http() {
		return new RawHttp(this.port);
	}

	static String uniqueUsername() {
		return "h_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	/** Sign up a fresh user; returns the 201 body ({@code user}, {@code token}). */
	static JsonNode signUp(RawHttp http, String username) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", PASSWORD);
		RawHttp.Response response = http.send(RawHttp.Request.json("POST", "/api/auth/signup/",
				HostileAssertions.JSON.writeValueAsBytes(body)));
		assertThat(response.status()).as("sign-up %s", response).isEqualTo(201);
		return HostileAssertions.JSON.readTree(response.rawBody());
	}

}
