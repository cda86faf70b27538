package dev.latchkey.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute-force protection over real HTTP, behind a trusted proxy so each test chooses its
 * client address with {@code X-Forwarded-For}. Time moves with {@link MutableClock}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:bruteforce;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"latchkey.jwt.signing-key=brute-force-test-signing-key-0123456789abcdef",
				"latchkey.web.trusted-proxies=127.0.0.1", "latchkey.throttle.initial-lockout=1m",
				"latchkey.throttle.ip-threshold=20", "latchkey.throttle.sign-ups-per-window=3",
				"latchkey.password.argon2-memory-kib=1024", "latchkey.password.argon2-iterations=1" })
@Import(MutableClock.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class BruteForceIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	HttpApi.Response login(String username, String password, String ip) {
		return new HttpApi(this.port).send("POST", "/api/token/",
				Map.of("Content-Type", "application/json", "X-Forwarded-For", ip),
				("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	HttpApi.Response signUp(String username, String ip) {
		return new HttpApi(this.port).send("POST", "/api/auth/signup/",
				Map.of("Content-Type", "application/json", "X-Forwarded-For", ip),
				("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	String newUser(String ip) {
		String username = AbstractJourneyIntegrationTests.uniqueUsername();
		assertThat(signUp(username, ip).status()).isEqualTo(201);
		return username;
	}

	@Test
	void loginWhenTwoHundredWrongPasswordsFromOneAddressThenThrottledFromThresholdAndOwnerBackAfterLockout() {
		String victim = newUser("198.51.100.1");
		List<HttpApi.Response> responses = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			responses.add(login(victim, "Wrong-Passw0rd-" + i, "203.0.113.66"));
		}

		assertThat(responses.subList(0, 5)).allSatisfy((r) -> assertThat(r.status()).isEqualTo(401));
		assertThat(responses.subList(5, 200)).allSatisfy((r) -> {
			assertThat(r.status()).isEqualTo(429);
			assertThat(r.json().get("detail").asString()).matches("Request was throttled\\. Expected available in \\d+ seconds?\\.");
			assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 60L);
		});
		// The lock is on the username, so the owner waits too, but only for the documented lockout.
		assertThat(login(victim, PASSWORD, "192.0.2.10").status()).isEqualTo(429);
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(login(victim, PASSWORD, "192.0.2.10").status()).isEqualTo(200);
	}

	@Test
	void loginWhenSuccessBetweenFailuresThenUsernameCountStartsOver() {
		String username = newUser("198.51.100.2");
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(login(username, "Wrong-Passw0rd!", "203.0.113.2").status()).isEqualTo(401);
			}
			assertThat(login(username, PASSWORD, "203.0.113.2").status()).isEqualTo(200);
		}
	}

	@Test
	void loginWhenLockoutsRepeatThenEachDoublesUpToTheMaximum() {
		String username = newUser("198.51.100.3");
		for (int i = 0; i < 5; i++) {
			login(username, "Wrong-Passw0rd!", "203.0.113.3");
		}
		assertThat(login(username, "Wrong-Passw0rd!", "203.0.113.3").header("Retry-After")).isEqualTo("60");
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(login(username, "Wrong-Passw0rd!", "203.0.113.3").status()).isEqualTo(401);
		assertThat(login(username, PASSWORD, "203.0.113.3").header("Retry-After")).isEqualTo("120");
		this.clock.advance(Duration.ofSeconds(121));
		login(username, "Wrong-Passw0rd!", "203.0.113.3");
		assertThat(login(username, PASSWORD, "203.0.113.3").header("Retry-After")).isEqualTo("240");
		this.clock.advance(Duration.ofSeconds(241));
		login(username, "Wrong-Passw0rd!", "203.0.113.3");
		assertThat(login(username, PASSWORD, "203.0.113.3").header("Retry-After")).isEqualTo("300");
	}

	@Test
	void loginWhenOneAddressFailsOnManyUsernamesThenThatAddressIsThrottledButOthersAreNot() {
		String owner = newUser("198.51.100.4");
		for (int i = 0; i < 20; i++) {
			assertThat(login("nobody-" + i, "Wrong-Passw0rd!", "203.0.113.4").status()).isEqualTo(401);
		}
		assertThat(login(owner, PASSWORD, "203.0.113.4").status()).isEqualTo(429);
		assertThat(login(owner, PASSWORD, "192.0.2.44").status()).isEqualTo(200);
	}

	@Test
	void signUpWhenOverThePerAddressLimitThenThrottled() {
		for (int i = 0; i < 3; i++) {
			assertThat(signUp(AbstractJourneyIntegrationTests.uniqueUsername(), "203.0.113.5").status()).isEqualTo(201);
		}
		HttpApi.Response fourth = signUp(AbstractJourneyIntegrationTests.uniqueUsername(), "203.0.113.5");
		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.header("Retry-After")).isEqualTo("3600");
		assertThat(signUp(AbstractJourneyIntegrationTests.uniqueUsername(), "203.0.113.6").status()).isEqualTo(201);
	}

	/** Issue #14, item 1: every NFKC spelling of a username counts on the one account. */
	@Test
	void lockoutWhenUsernameSpelledWithUnicodeVariantsThenOneCounterAndLockHolds() {
		String username = newUser("198.51.100.8");
		List<String> variants = List.of(fullwidth(username, 0), fullwidth(username, 1), mathBold(username, 2),
				fullwidth(username, 3), mathBold(username, 0));
		assertThat(login(variants.get(0), PASSWORD, "192.0.2.80").status()).as("a variant reaches the account")
			.isEqualTo(200);
		String[] addresses = { "203.0.113.81", "203.0.113.82", "203.0.113.83" };
		for (int i = 0; i < 5; i++) {
			assertThat(login(variants.get(i), "Wrong-Passw0rd-" + i, addresses[i % 3]).status()).isEqualTo(401);
		}

		assertThat(login(fullwidth(username, 4), PASSWORD, "203.0.113.84").status()).isEqualTo(429);
		assertThat(login(mathBold(username, 1), "Wrong-Passw0rd!", "203.0.113.85").status()).isEqualTo(429);
		assertThat(login(username, PASSWORD, "192.0.2.80").status()).isEqualTo(429);
	}

	/**
	 * Issue #14, item 4: behind a proxy that appends its own X-Forwarded-For line (HAProxy), the
	 * client's forged first line is not believed, for sign-up limits as for login failures.
	 */
	@Test
	void clientAddressWhenForgedFirstForwardedForLineThenProxyAppendedLineCounts() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(signUpBehindHaproxy("6.6.6." + i, "203.0.113.40").statusCode()).isEqualTo(201);
		}
		HttpResponse<String> fourth = signUpBehindHaproxy("6.6.6.9", "203.0.113.40");
		assertThat(fourth.statusCode()).isEqualTo(429);
		assertThat(fourth.headers().firstValue("Retry-After")).hasValue("3600");
	}

	HttpResponse<String> signUpBehindHaproxy(String forged, String appendedByProxy) throws Exception {
		String body = "{\"username\":\"" + AbstractJourneyIntegrationTests.uniqueUsername() + "\",\"password\":\""
				+ PASSWORD + "\"}";
		// Two header lines, as the client's own and HAProxy's option forwardfor send them.
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/auth/signup/"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", forged)
			.header("X-Forwarded-For", appendedByProxy)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
			.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Issue #14, item 3: the old password of a password change is guessed against the same lock. */
	@Test
	void passwordChangeWhenOldPasswordGuessedRepeatedlyThenThrottledAndLoginLockedToo() {
		String username = newUser("198.51.100.9");
		String access = login(username, PASSWORD, "192.0.2.90").json().get("access").asString();
		for (int i = 0; i < 5; i++) {
			HttpApi.Response wrong = changePassword(access, "Wrong-Passw0rd-" + i, "203.0.113.9" + i);
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(wrong.json().get("old_password").get(0).asString())
				.isEqualTo("Your old password was entered incorrectly. Please enter it again.");
		}

		HttpApi.Response throttled = changePassword(access, PASSWORD, "203.0.113.99");
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.header("Retry-After")).isEqualTo("60");
		assertThat(login(username, PASSWORD, "192.0.2.91").status()).isEqualTo(429);
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(changePassword(access, PASSWORD, "192.0.2.92").status()).isEqualTo(200);
	}

	/** Issue #14, item 3: a burst of wrong password changes gets the threshold's checks, no more, and no 503. */
	@Test
	void passwordChangeWhenTwentyFourConcurrentWrongOldPasswordsThenAtMostThresholdChecksAndRest429() throws Exception {
		String username = newUser("198.51.100.10");
		String access = login(username, PASSWORD, "192.0.2.100").json().get("access").asString();
		ExecutorService pool = Executors.newFixedThreadPool(24);
		List<Future<HttpApi.Response>> futures = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			for (int i = 0; i < 24; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					start.await();
					return changePassword(access, "Wrong-Passw0rd-" + n, "203.0.113.10" + (n % 10));
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpApi.Response> future : futures) {
				statuses.add(future.get().status());
			}

			assertThat(statuses).containsOnly(400, 429);
			assertThat(statuses.stream().filter((status) -> status == 400).count()).isLessThanOrEqualTo(5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	HttpApi.Response changePassword(String access, String oldPassword, String ip) {
		return new HttpApi(this.port).send("POST", "/api/auth/password/change/",
				Map.of("Content-Type", "application/json", "X-Forwarded-For", ip, "Authorization", "Bearer " + access),
				("{\"old_password\":\"" + oldPassword + "\",\"new_password1\":\"N3w-Str0ng-Passw0rd!\","
						+ "\"new_password2\":\"N3w-Str0ng-Passw0rd!\"}").getBytes(StandardCharsets.UTF_8));
	}

	/** The username with the letter or digit at {@code index} (counting only those) in its fullwidth form. */
	static String fullwidth(String username, int index) {
		return replaceNth(username, index, (c) -> String.valueOf((char) (c - 0x21 + 0xFF01)));
	}

	/** The username with one lower-case letter in MATHEMATICAL BOLD (outside the BMP). */
	static String mathBold(String username, int index) {
		return replaceNth(username, index, (c) -> Character.isLowerCase(c) ? Character.toString(0x1D41A + (c - 'a'))
				: Character.toString(0x1D7CE + (c - '0')));
	}

	private static String replaceNth(String username, int index, java.util.function.IntFunction<String> variant) {
		StringBuilder result = new StringBuilder();
		int seen = 0;
		for (char c : username.toCharArray()) {
			boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
			result.append((alnum && seen++ == index) ? variant.apply(c) : String.valueOf(c));
		}
		return result.toString();
	}

	@Test
	void loginEventsWhenAuditedThenStructuredAndFreeOfSecrets(CapturedOutput output) {
		String username = newUser("198.51.100.7");
		login(username, "Secret-Wrong-Passw0rd!", "203.0.113.7");
		HttpApi.Response ok = login(username, PASSWORD, "203.0.113.7");

		assertThat(output.getOut()).contains("audit event=login_failed user_id=null ip=203.0.113.7 outcome=bad_credentials")
			.contains("audit event=login_succeeded")
			.contains("audit event=sign_up")
			.doesNotContain("Secret-Wrong-Passw0rd!")
			.doesNotContain(PASSWORD)
			.doesNotContain(ok.json().get("access").asString())
			.doesNotContain("argon2$");
	}

}
