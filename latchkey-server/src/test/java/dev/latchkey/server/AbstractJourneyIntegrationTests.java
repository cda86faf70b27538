package dev.latchkey.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's journey end to end over real HTTP, run once per database (H2 and PostgreSQL):
 * sign up, log in, call the user API, with the hostile inputs and races the issue names.
 */
abstract class AbstractJourneyIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	HttpApi api() {
		return new HttpApi(this.port);
	}

	static String uniqueUsername() {
		return "user_" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void signUpWhenValidThenCreatedWithUserTokensAndSafeCookies() {
		String username = uniqueUsername();
		HttpApi.Response response = api().postJson("/api/auth/signup/",
				Map.of("username", username, "name", "Alice", "email", "alice@example.com", "password", PASSWORD));

		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.get("message").asString()).isEqualTo("register success");
		assertThat(body.get("user").get("username").asString()).isEqualTo(username);
		assertThat(body.get("user").get("email").asString()).isEqualTo("alice@example.com");
		assertThat(body.get("user").has("password")).isFalse();
		assertThat(response.text()).doesNotContain("argon2");
		assertThat(response.header("Cache-Control")).contains("no-store");
		List<String> cookies = response.headers("Set-Cookie");
		assertThat(cookies).anySatisfy((c) -> assertThat(c).startsWith("access=" + body.get("token").get("access").asString())
			.contains("Max-Age=300", "Path=/", "Secure", "HttpOnly", "SameSite=Lax"));
		assertThat(cookies).anySatisfy((c) -> assertThat(c).startsWith("refresh=" + body.get("token").get("refresh").asString())
			.contains("Max-Age=86400", "Path=/api/", "Secure", "HttpOnly", "SameSite=Lax"));
	}

	/** Issue #14, item 9: a username that NFKC lengthens past 150 characters is a 400, not a 500. */
	@Test
	void signUpWhenUsernameLongerThanLimitOnlyAfterNormalisationThenBadRequest() {
		String expanding = "\u3316".repeat(150);
		HttpApi.Response response = api().signUp(expanding, PASSWORD);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("username").get(0).asString())
			.isEqualTo("Ensure this field has no more than 150 characters.");
		assertThat(api().login(expanding, PASSWORD).status()).isEqualTo(401);
	}

	@Test
	void loginWhenSignedUpThenTokensAuthenticateUserApiByHeaderAndByCookie() {
		String username = uniqueUsername();
		assertThat(api().signUp(username, PASSWORD).status()).isEqualTo(201);

		HttpApi.Response login = api().postJson("/api/token", Map.of("username", username, "password", PASSWORD));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.header("Cache-Control")).contains("no-store");
		String access = login.json().get("access").asString();

		JsonNode user = api().get("/api/auth/user/", access).json();
		assertThat(user.get("username").asString()).isEqualTo(username);
		HttpApi.Response byCookie = api().send("GET", "/api/auth/user", Map.of("Cookie", "access=" + access), null);
		assertThat(byCookie.status()).isEqualTo(200);
		assertThat(byCookie.json().get("id").asLong()).isEqualTo(user.get("id").asLong());

		HttpApi.Response patched = api().send("PATCH", "/api/auth/user/",
				Map.of("Authorization", "Bearer " + access, "Content-Type", "application/json"),
				"{\"name\": \"Renamed\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("name").asString()).isEqualTo("Renamed");
		assertThat(api().get("/api/auth/user/", access).json().get("name").asString()).isEqualTo("Renamed");
	}

	@Test
	void signUpWhenSameUsernameConcurrentlyThenExactlyOneCreated() throws Exception {
		String username = uniqueUsername();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<HttpApi.Response>> attempts = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				attempts.add(() -> api().signUp(username, PASSWORD));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpApi.Response> result : pool.invokeAll(attempts)) {
				HttpApi.Response response = result.get();
				statuses.add(response.status());
				if (response.status() == 400) {
					assertThat(response.json().get("username").get(0).asString())
						.isEqualTo("A user with that username already exists.");
				}
			}
			assertThat(statuses).containsOnly(201, 400).filteredOn((s) -> s == 201).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc().sql("SELECT COUNT(*) FROM latchkey_user WHERE username = ?").param(username).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void loginWhenDjangoPbkdf2HashThenSucceedsAndRehashesToCurrentArgon2id() {
		assertDjangoHashLogsInAndIsUpgraded("pbkdf2_sha256, 260000 iterations (Django 3.2 default)");
	}

	@Test
	void loginWhenDjangoArgon2HashThenSucceedsAndRehashesToCurrentArgon2id() {
		assertDjangoHashLogsInAndIsUpgraded("argon2id, custom parameters (t=1, m=8192 KiB, p=1)");
	}

	private void assertDjangoHashLogsInAndIsUpgraded(String label) {
		JsonNode vector = vector(label);
		String username = uniqueUsername();
		jdbc().sql("INSERT INTO latchkey_user (username, password) VALUES (?, ?)")
			.params(username, vector.get("encoded").asString())
			.update();

		HttpApi.Response wrong = api().login(username, vector.get("checks").get(1).get("candidate").asString());
		assertThat(wrong.status()).isEqualTo(401);
		HttpApi.Response login = api().login(username, vector.get("password").asString());

		assertThat(login.status()).isEqualTo(200);
		String stored = jdbc().sql("SELECT password FROM latchkey_user WHERE username = ?").param(username).query(String.class).single();
		assertThat(stored).startsWith("argon2$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(api().login(username, vector.get("password").asString()).status()).isEqualTo(200);
	}

	@Test
	void loginWhenUnknownWrongOrInactiveThenSameAnswer() {
		String username = uniqueUsername();
		api().signUp(username, PASSWORD);
		HttpApi.Response wrong = api().login(username, "Wrong-Passw0rd!");
		HttpApi.Response unknown = api().login(uniqueUsername(), PASSWORD);
		jdbc().sql("UPDATE latchkey_user SET is_active = FALSE WHERE username = ?").param(username).update();
		HttpApi.Response inactive = api().login(username, PASSWORD);

		for (HttpApi.Response response : List.of(wrong, unknown, inactive)) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.text()).isEqualTo("{\"detail\":\"No active account found with the given credentials\"}");
			assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
		}
	}

	@Test
	void userApiWhenUserDeactivatedOrDeletedThenSimpleJwtAnswers() {
		String username = uniqueUsername();
		String access = api().signUp(username, PASSWORD).json().get("token").get("access").asString();

		jdbc().sql("UPDATE latchkey_user SET is_active = FALSE WHERE username = ?").param(username).update();
		HttpApi.Response inactive = api().get("/api/auth/user/", access);
		assertThat(inactive.status()).isEqualTo(401);
		assertThat(inactive.json().get("code").asString()).isEqualTo("user_inactive");
		assertThat(inactive.json().get("detail").asString()).isEqualTo("User is inactive");

		jdbc().sql("DELETE FROM latchkey_user WHERE username = ?").param(username).update();
		// The request path caches users for half a second: the deletion is felt within one.
		HttpApi.Response deleted = within(Duration.ofSeconds(1), () -> api().get("/api/auth/user/", access),
				(response) -> response.json().path("code").asString("").equals("user_not_found"));
		assertThat(deleted.status()).isEqualTo(401);
	}

	@Test
	void hostileInputWhenOversizedOrDeepThenJson4xxNever5xx() {
		byte[] megabyte = ("{\"username\": \"" + "a".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpApi.Response big = api().send("POST", "/api/token/", Map.of("Content-Type", "application/json"), megabyte);
		assertThat(big.status()).isEqualTo(413);
		assertThat(big.json().get("detail").asString()).isEqualTo("Request body is too large.");

		HttpApi.Response longName = api().signUp("u".repeat(10_000), PASSWORD);
		assertThat(longName.status()).isEqualTo(400);
		assertThat(longName.json().get("username").get(0).asString())
			.isEqualTo("Ensure this field has no more than 150 characters.");

		byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
		HttpApi.Response deepArray = api().send("POST", "/api/token/", Map.of("Content-Type", "application/json"), deep);
		assertThat(deepArray.status()).isBetween(400, 499);
		assertThat(deepArray.json().has("detail")).isTrue();

		byte[] deepButSmall = ("{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}").getBytes(StandardCharsets.UTF_8);
		HttpApi.Response nested = api().send("POST", "/api/token/", Map.of("Content-Type", "application/json"), deepButSmall);
		assertThat(nested.status()).isEqualTo(400);
		assertThat(nested.json().get("detail").asString()).startsWith("JSON parse error - ");

		HttpApi.Response longPassword = api().login("someone", "p".repeat(5000));
		assertThat(longPassword.status()).isEqualTo(400);
		assertThat(longPassword.json().get("password").get(0).asString())
			.isEqualTo("Ensure this field has no more than 4096 characters.");

		HttpApi.Response notAString = api().postJson("/api/token/", Map.of("username", List.of(1), "password", true));
		assertThat(notAString.status()).isEqualTo(400);
		assertThat(notAString.json().get("username").get(0).asString()).isEqualTo("Not a valid string.");

		HttpApi.Response badMediaType = api().send("POST", "/api/token/", Map.of("Content-Type", "///"), "x".getBytes());
		assertThat(badMediaType.status()).isEqualTo(415);
	}

	@Test
	void unknownPathThenJsonErrorNotHtml() {
		// 404 with or without credentials, as DRF answers: a 401 would send a front end's
		// "401, refresh, retry" interceptor into a loop on a mistyped path.
		HttpApi.Response anonymous = api().send("GET", "/api/nothing-here/", Map.of(), null);
		assertThat(anonymous.status()).isEqualTo(404);
		assertThat(anonymous.json().get("detail").asString()).isEqualTo("Not found.");
		HttpApi.Response outside = api().send("GET", "/nothing-here", Map.of(), null);
		assertThat(outside.status()).isEqualTo(404);
		assertThat(outside.json().get("detail").asString()).isEqualTo("Not found.");
		// A served path still asks for credentials first, whatever the method.
		assertThat(api().send("GET", "/api/auth/logout-all/", Map.of(), null).status()).isEqualTo(401);
		assertThat(api().send("GET", "/api/auth/user/", Map.of(), null).status()).isEqualTo(401);

		String access = api().signUp(uniqueUsername(), PASSWORD).json().get("token").get("access").asString();
		HttpApi.Response missing = api().get("/api/nothing-here/", access);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("detail").asString()).isEqualTo("Not found.");
	}

	/** Repeat a call until its answer satisfies the condition or the time is up; returns the last answer. */
	static <T> T within(Duration limit, Supplier<T> call, Predicate<T> condition) {
		long deadline = System.nanoTime() + limit.toNanos();
		T answer = call.get();
		while (!condition.test(answer) && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
			answer = call.get();
		}
		return answer;
	}

	JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

	static JsonNode vector(String label) {
		try (InputStream in = AbstractJourneyIntegrationTests.class.getResourceAsStream("/vectors.json")) {
			for (JsonNode vector : HttpApi.JSON.readTree(in).get("passwords").get("vectors")) {
				if (vector.get("label").asString().equals(label)) {
					return vector;
				}
			}
			throw new IllegalArgumentException("No vector " + label);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
