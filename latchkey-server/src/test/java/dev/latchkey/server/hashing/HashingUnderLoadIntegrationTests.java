package dev.latchkey.server.hashing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.password.HashingPool;
import dev.latchkey.password.PasswordHasher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hashing pool with its production budget (2 s, not the test suite's 30 s): a hash that alone
 * takes longer than the budget is admitted and runs to its end on a freshly started server;
 * ordinary bursts of sign-ups are all served; concurrent sign-ups of one name end in one 201.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:hashing-load;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"latchkey.jwt.signing-key=hashing-load-test-signing-key-0123456789abcdef",
				"latchkey.password.hashing-max-wait=2s" })
class HashingUnderLoadIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	PasswordHasher hasher;

	@Test
	void loginWhenStoredHashTakesLongerThanTheBudgetThenLogsInAndIsStoredAsArgon2id() throws Exception {
		// A Django user with pbkdf2_sha256 at 2,000,000 iterations: about 1-4 s of hashing alone.
		assertThat(signUp("slow_legacy").statusCode()).isEqualTo(201);
		String legacy = pbkdf2Sha256(PASSWORD, "slowLegacySalt", 2_000_000);
		JdbcClient.create(this.dataSource)
			.sql("UPDATE latchkey_user SET password = ? WHERE username = ?")
			.params(legacy, "slow_legacy")
			.update();

		HttpResponse<String> login = post("/api/token/", "{\"username\":\"slow_legacy\",\"password\":\"" + PASSWORD + "\"}");

		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("\"access\"");
		assertThat(storedHash("slow_legacy")).startsWith("argon2$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(post("/api/token/", "{\"username\":\"slow_legacy\",\"password\":\"" + PASSWORD + "\"}").statusCode())
			.isEqualTo(200);
	}

	@Test
	void signUpWhenTwentyConcurrentOfOneNameThenExactlyOne201AndNineteen400() throws Exception {
		List<HttpResponse<String>> answers = concurrently(20, (i) -> signUp("same_name"));

		assertThat(answers).filteredOn((answer) -> answer.statusCode() == 201).hasSize(1);
		assertThat(answers).filteredOn((answer) -> answer.statusCode() == 400)
			.hasSize(19)
			.allSatisfy((answer) -> assertThat(answer.body())
				.isEqualTo("{\"username\":[\"A user with that username already exists.\"]}"));
	}

	@Test
	void signUpWhenThirtyConcurrentOfDistinctNamesThenAll201() throws Exception {
		// A server past its start: the warm-up done and a sign-up measured, as after any deploy.
		awaitIdleHashing();
		assertThat(signUp("before_the_burst").statusCode()).isEqualTo(201);

		List<HttpResponse<String>> answers = concurrently(30, (i) -> signUp("distinct_" + i));

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201).hasSize(30);
	}

	/** Waits (at most 30 s) until the hashing pool has nothing admitted: the start-up warm-up is over. */
	private void awaitIdleHashing() throws InterruptedException {
		for (int i = 0; i < 300 && this.hasher instanceof HashingPool pool && pool.queueDepth() > 0; i++) {
			Thread.sleep(100);
		}
	}

	private HttpResponse<String> signUp(String username) {
		return post("/api/auth/signup/", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
	}

	private HttpResponse<String> post(String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String storedHash(String username) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT password FROM latchkey_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	/** Django's pbkdf2_sha256 encoding, computed with the JDK (the server's own code is under test). */
	static String pbkdf2Sha256(String password, String salt, int iterations) throws Exception {
		PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations, 256);
		byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		return "pbkdf2_sha256$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(key);
	}

	static <T> List<T> concurrently(int count, IntFunction<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				Callable<T> task = () -> {
					start.await();
					return call.apply(index);
				};
				futures.add(pool.submit(task));
			}
			start.countDown();
			List<T> answers = new ArrayList<>();
			for (Future<T> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
