package dev.latchkey.server;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Latchkey instances on one PostgreSQL database, as in production: a logout on one refuses
 * the session's access token on the other within a second, with no query per request.
 */
class TwoInstanceRevocationIntegrationTests {

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		String url = TestPostgres.url("twoinstances");
		first = start(url);
		second = start(url);
	}

	@AfterAll
	static void stopInstances() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { second, first }) {
			if (context != null) {
				context.close();
			}
		}
	}

	static ConfigurableApplicationContext start(String url) {
		// Command-line arguments, so they win over the server's application.yml as in production.
		return new SpringApplicationBuilder(LatchkeyServerApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--latchkey.jwt.signing-key=two-instance-test-signing-key-0123456789abcdef", "--spring.main.banner-mode=off");
	}

	static HttpApi api(ConfigurableApplicationContext context) {
		return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@Test
	void logoutOnOneInstanceThenAccessTokenRefusedOnTheOtherWithinOneSecond() {
		String username = AbstractJourneyIntegrationTests.uniqueUsername();
		assertThat(api(first).signUp(username, "Str0ng-Passw0rd!").status()).isEqualTo(201);
		var pair = api(first).login(username, "Str0ng-Passw0rd!").json();
		String access = pair.get("access").asString();
		assertThat(api(second).get("/api/auth/user/", access).status()).isEqualTo(200);

		assertThat(api(first).postJson("/api/auth/logout/", Map.of("refresh", pair.get("refresh").asString())).status())
			.isEqualTo(200);
		long start = System.nanoTime();
		HttpApi.Response onSecond = AbstractJourneyIntegrationTests.within(Duration.ofSeconds(1),
				() -> api(second).get("/api/auth/user/", access), (r) -> r.status() == 401);
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

		assertThat(onSecond.status()).as("refused on the other instance after %d ms", elapsedMillis).isEqualTo(401);
		assertThat(onSecond.json().get("messages").get(0).get("message").asString()).isEqualTo("Token is blacklisted");
		assertThat(api(second).postJson("/api/token/refresh/", Map.of("refresh", pair.get("refresh").asString())).status())
			.isEqualTo(401);
	}

}
