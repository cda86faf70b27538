package dev.latchkey.server.hashing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.password.PasswordHasher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 5: a failed login takes at least the hasher's failure floor whatever the stored
 * hash (unknown user, unusable hash, a cheap legacy hash, an inactive user), and the floor is at
 * least what the slowest stored hash measured so far costs. Lower bounds only: a padded failure
 * cannot be faster than its floor, however loaded the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:login-timing;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"latchkey.jwt.signing-key=login-timing-test-signing-key-0123456789abcdef",
				"latchkey.throttle.username-threshold=1000", "latchkey.throttle.ip-threshold=1000" })
class LoginTimingIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	PasswordHasher hasher;

	@BeforeEach
	void users() throws Exception {
		for (String name : new String[] { "timing_argon2", "timing_unusable", "timing_cheap", "timing_inactive" }) {
			post("/api/auth/signup/", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
		}
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		jdbc.sql("UPDATE latchkey_user SET password = '!unusableRandomText' WHERE username = 'timing_unusable'").update();
		jdbc.sql("UPDATE latchkey_user SET password = ? WHERE username = 'timing_cheap'")
			.param(HashingUnderLoadIntegrationTests.pbkdf2Sha256(PASSWORD, "cheapSalt", 1000))
			.update();
		jdbc.sql("UPDATE latchkey_user SET is_active = FALSE WHERE username = 'timing_inactive'").update();
	}

	@Test
	void loginTimingWhenFailureOfAnyKindThenTakesAtLeastTheFailureFloor() {
		// A correct login first, so the floor has measured a real hash at the current parameters.
		assertThat(login("timing_argon2", PASSWORD).statusCode()).isEqualTo(200);
		Duration floor = this.hasher.failureFloor();
		assertThat(floor).isPositive();

		for (String[] attempt : new String[][] { { "timing_nobody", PASSWORD }, { "timing_unusable", PASSWORD },
				{ "timing_cheap", "wrong-password" }, { "timing_argon2", "wrong-password" },
				{ "timing_inactive", PASSWORD } }) {
			long start = System.nanoTime();
			HttpResponse<String> failed = login(attempt[0], attempt[1]);
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(failed.statusCode()).as(attempt[0]).isEqualTo(401);
			// The floor is a moving average: each check may move it a little (by a quarter of the
			// difference at most), so the bound keeps a margin below the floor read before.
			assertThat(took).as(attempt[0]).isGreaterThanOrEqualTo(floor.multipliedBy(7).dividedBy(10));
		}
	}

	@Test
	void loginTimingWhenASlowerLegacyHashIsCheckedThenTheFloorRisesToIt() throws Exception {
		Duration before = this.hasher.failureFloor();
		JdbcClient.create(this.dataSource)
			.sql("UPDATE latchkey_user SET password = ? WHERE username = 'timing_cheap'")
			.param(HashingUnderLoadIntegrationTests.pbkdf2Sha256(PASSWORD, "slowerSalt", 1_500_000))
			.update();

		assertThat(login("timing_cheap", "wrong-password").statusCode()).isEqualTo(401);

		// 1.5 M PBKDF2 iterations cost several Argon2id hashes at the current parameters.
		assertThat(this.hasher.failureFloor()).isGreaterThan(before);
		Duration floor = this.hasher.failureFloor();
		long start = System.nanoTime();
		assertThat(login("timing_nobody", PASSWORD).statusCode()).isEqualTo(401);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(floor.multipliedBy(7).dividedBy(10));
	}

	private HttpResponse<String> login(String username, String password) {
		return post("/api/token/", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
	}

	private HttpResponse<String> post(String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
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

}
