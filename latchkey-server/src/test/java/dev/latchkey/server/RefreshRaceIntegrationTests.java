package dev.latchkey.server;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50 concurrent refreshes of one token with no grace period: exactly one succeeds, the rest get
 * 401, none a 5xx, and never are two successors alive. On H2 and on PostgreSQL.
 */
class RefreshRaceIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	abstract static class Race {

		@LocalServerPort
		int port;

		@Autowired
		DataSource dataSource;

		@Test
		void refreshWhenFiftyConcurrentOfOneTokenThenExactlyOneWinsAndNoTwoLiveSuccessors() throws Exception {
			HttpApi api = new HttpApi(this.port);
			String username = AbstractJourneyIntegrationTests.uniqueUsername();
			api.signUp(username, PASSWORD);
			// The login's session is the one raced (sign-up started another, left alone).
			String refresh = api.login(username, PASSWORD).json().get("refresh").asString();

			List<HttpApi.Response> responses = race(50, () -> api.postJson("/api/token/refresh/", Map.of("refresh", refresh)));

			List<HttpApi.Response> winners = responses.stream().filter((r) -> r.status() == 200).toList();
			assertThat(responses).allSatisfy((r) -> assertThat(r.status()).isIn(200, 401));
			assertThat(winners).hasSize(1);
			// The losers replayed a rotated-out token: the session is revoked, so even the winner's
			// successor is dead. What matters is that no two successors are alive at once.
			long liveSuccessors = JdbcClient.create(this.dataSource)
				.sql("""
						SELECT COUNT(*) FROM latchkey_outstanding_token o
						JOIN latchkey_session f ON f.id = o.session_id
						JOIN latchkey_user u ON u.id = o.user_id
						WHERE f.id = ? AND f.revoked_at IS NULL
						AND NOT EXISTS (SELECT 1 FROM latchkey_blacklisted_token b WHERE b.token_id = o.id)""")
				.param(sessionId(refresh))
				.query(Long.class)
				.single();
			assertThat(liveSuccessors).isLessThanOrEqualTo(1);
			String successor = winners.get(0).json().get("refresh").asString();
			assertThat(api.postJson("/api/token/refresh/", Map.of("refresh", successor)).status())
				.isEqualTo(liveSuccessors == 1 ? 200 : 401);
		}

		static String sessionId(String token) {
			byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
			return HttpApi.JSON.readTree(payload).get("sid").asString();
		}

		static List<HttpApi.Response> race(int count, Callable<HttpApi.Response> call) throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(count);
			CountDownLatch start = new CountDownLatch(1);
			try {
				List<Future<HttpApi.Response>> futures = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					futures.add(pool.submit(() -> {
						start.await();
						return call.call();
					}));
				}
				start.countDown();
				List<HttpApi.Response> responses = new ArrayList<>();
				for (Future<HttpApi.Response> future : futures) {
					responses.add(future.get());
				}
				return responses;
			}
			finally {
				pool.shutdownNow();
			}
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:race;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
					"latchkey.jwt.signing-key=journey-test-signing-key-0123456789abcdef0123",
					"latchkey.sessions.grace-period=0s" })
	class OnH2 extends Race {

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "latchkey.jwt.signing-key=journey-test-signing-key-0123456789abcdef0123",
					"latchkey.sessions.grace-period=0s" })
	class OnPostgres extends Race {

		@DynamicPropertySource
		static void datasource(DynamicPropertyRegistry registry) {
			TestPostgres.register(registry, "race");
		}

	}

}
