package dev.latchkey.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.latchkey.account.ResetLinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays dj-rest-auth's documented request/response pairs for every route issue #17 adds
 * ({@code reference-rest-auth/pairs.json}) over real HTTP, once per database: status, body keys
 * and messages must match; tokens must be JWTs; ids integers.
 */
abstract class AbstractRestAuthReplayIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	@LocalServerPort
	int port;

	static Stream<String> scenarios() {
		return StreamSupport.stream(pairs().spliterator(), false).map((pair) -> pair.get("scenario").asString());
	}

	private static JsonNode pairs() {
		try (InputStream in = AbstractRestAuthReplayIntegrationTests.class
			.getResourceAsStream("/reference-rest-auth/pairs.json")) {
			return HttpApi.JSON.readTree(in).get("pairs");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void replay(String scenario) {
		JsonNode pair = StreamSupport.stream(pairs().spliterator(), false)
			.filter((candidate) -> candidate.get("scenario").asString().equals(scenario))
			.findFirst()
			.orElseThrow();
		HttpApi api = new HttpApi(this.port);
		Map<String, String> values = setUp(api);
		String body = substitute(pair.get("request").get("body").toString(), values);
		JsonNode expected = HttpApi.JSON.readTree(substitute(pair.get("response").get("body").toString(), values));

		HttpApi.Response response = api.send("POST", pair.get("request").get("path").asString(),
				Map.of("Content-Type", "application/json"), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(response.status()).as(scenario + " status: " + response.text())
			.isEqualTo(pair.get("response").get("status").asInt());
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertMatches(scenario, expected, response.json());
	}

	/** rest_alice exists with a verified-or-not address; fresh names for registrations. */
	private Map<String, String> setUp(HttpApi api) {
		HttpApi.Response signUp = api.postJson("/api/auth/signup/",
				Map.of("username", "rest_alice", "email", "rest_alice@example.com", "password", PASSWORD));
		assertThat(signUp.status()).isIn(201, 400);
		HttpApi.Response login = api.login("rest_alice", PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		Map<String, String> values = new LinkedHashMap<>();
		String username = "rest_" + UUID.randomUUID().toString().substring(0, 8);
		values.put("<new username>", username);
		values.put("<new email>", username + "@example.com");
		values.put("<refresh JWT of rest_alice>", login.json().get("refresh").asString());
		values.put("<access JWT of rest_alice>", login.json().get("access").asString());
		long id = api.get("/api/auth/user/", login.json().get("access").asString()).json().get("id").asLong();
		values.put("<uid of rest_alice>", ResetLinks.uid(id));
		return values;
	}

	private static String substitute(String text, Map<String, String> values) {
		String result = text;
		for (Map.Entry<String, String> entry : values.entrySet()) {
			result = result.replace(entry.getKey(), entry.getValue());
		}
		return result;
	}

	private static void assertMatches(String at, JsonNode expected, JsonNode actual) {
		if (expected.isObject()) {
			assertThat(actual.isObject()).as(at + " is an object: " + actual).isTrue();
			assertThat(actual.propertyNames()).as(at + " keys").containsExactlyInAnyOrderElementsOf(expected.propertyNames());
			expected.properties().forEach((e) -> assertMatches(at + "." + e.getKey(), e.getValue(), actual.get(e.getKey())));
		}
		else if (expected.isArray()) {
			assertThat(actual.size()).as(at + " length").isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertMatches(at + "[" + i + "]", expected.get(i), actual.get(i));
			}
		}
		else if (expected instanceof StringNode && expected.asString().endsWith(" JWT>")) {
			assertThat(actual.asString()).as(at).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
		}
		else if (expected instanceof StringNode && expected.asString().equals("<id>")) {
			assertThat(actual.isIntegralNumber()).as(at).isTrue();
		}
		else {
			assertThat(actual).as(at).isEqualTo(expected);
		}
	}

}
