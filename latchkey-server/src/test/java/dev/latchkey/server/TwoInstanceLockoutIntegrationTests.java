package dev.latchkey.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14, item 2: concurrent guesses must not pass the lock. Two instances share one database
 * (H2 and PostgreSQL twins); once a username is locked and the lock runs out, a 30-way burst of
 * wrong passwords split over both instances gets exactly one password check, the rest 429.
 */
class TwoInstanceLockoutIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	static final int BURST = 30;

	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	abstract static class Burst {

		final List<ConfigurableApplicationContext> instances = new ArrayList<>();

		abstract String datasourceUrl();

		@BeforeAll
		void start() {
			for (int i = 0; i < 2; i++) {
				this.instances.add(new SpringApplicationBuilder(LatchkeyServerApplication.class, MutableClock.Config.class)
					.run("--server.port=0", "--spring.datasource.url=" + datasourceUrl(),
							"--spring.datasource.username=" + (datasourceUrl().startsWith("jdbc:h2") ? "sa" : "postgres"),
							"--spring.datasource.password=", "--spring.main.banner-mode=off",
							"--latchkey.jwt.signing-key=two-instance-lockout-signing-key-0123456789abcdef",
							"--latchkey.web.trusted-proxies=127.0.0.1", "--latchkey.throttle.initial-lockout=1m",
							"--latchkey.password.argon2-memory-kib=1024", "--latchkey.password.argon2-iterations=1"));
			}
		}

		@AfterAll
		void stop() {
			this.instances.forEach(ConfigurableApplicationContext::close);
		}

		HttpApi.Response login(int instance, String username, String password, String ip) {
			int port = ((WebServerApplicationContext) this.instances.get(instance)).getWebServer().getPort();
			return new HttpApi(port).send("POST", "/api/token/",
					Map.of("Content-Type", "application/json", "X-Forwarded-For", ip),
					("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
						.getBytes(StandardCharsets.UTF_8));
		}

		void advanceClocks(Duration duration) {
			this.instances.forEach((context) -> context.getBean(MutableClock.class).advance(duration));
		}

		@Test
		void lockoutWhenThirtyConcurrentGuessesOverTwoInstancesAfterLockEndsThenOnePasswordCheck() throws Exception {
			String username = AbstractJourneyIntegrationTests.uniqueUsername();
			int port = ((WebServerApplicationContext) this.instances.get(0)).getWebServer().getPort();
			assertThat(new HttpApi(port).signUp(username, PASSWORD).status()).isEqualTo(201);
			for (int i = 0; i < 5; i++) {
				assertThat(login(i % 2, username, "Wrong-Passw0rd-" + i, "203.0.113." + i).status()).isEqualTo(401);
			}
			assertThat(login(1, username, PASSWORD, "192.0.2.1").status()).isEqualTo(429);
			advanceClocks(Duration.ofSeconds(61));

			List<HttpApi.Response> burst = burst(username);

			long passwordChecks = burst.stream().filter((r) -> r.status() == 401).count();
			System.out.println("lockout burst of " + BURST + " over two instances: " + passwordChecks
					+ " password check(s), " + burst.stream().filter((r) -> r.status() == 429).count() + " x 429");
			assertThat(burst).allSatisfy((r) -> assertThat(r.status()).isIn(401, 429));
			assertThat(passwordChecks).isEqualTo(1);
			assertThat(login(0, username, PASSWORD, "192.0.2.2").status()).isEqualTo(429);
		}

		private List<HttpApi.Response> burst(String username) throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(BURST);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<HttpApi.Response>> futures = new ArrayList<>();
				for (int i = 0; i < BURST; i++) {
					int n = i;
					futures.add(pool.submit(() -> {
						start.await();
						return login(n % 2, username, "Burst-Passw0rd-" + n, "198.51.100." + n);
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
	class OnH2 extends Burst {

		@Override
		String datasourceUrl() {
			return "jdbc:h2:mem:twoinstancelockout;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		}

	}

	@Nested
	class OnPostgres extends Burst {

		@Override
		String datasourceUrl() {
			return TestPostgres.url("twoinstancelockout");
		}

	}

}
