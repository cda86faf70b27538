package dev.latchkey.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SimpleJWT's sliding tokens, accepted by the API as {@code AUTH_TOKEN_CLASSES} with
 * {@code SlidingToken} would: 5-minute tokens refreshable for 10 minutes here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:sliding;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"latchkey.jwt.signing-key=sliding-test-signing-key-0123456789abcdef0123",
				"latchkey.jwt.accept-sliding-tokens=true", "latchkey.jwt.sliding-token-refresh-lifetime=10m" })
@Import(MutableClock.Config.class)
class SlidingTokenIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	DataSource dataSource;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	HttpApi api() {
		return new HttpApi(this.port);
	}

	String obtain() {
		String username = AbstractJourneyIntegrationTests.uniqueUsername();
		api().signUp(username, PASSWORD);
		HttpApi.Response response = api().postJson("/api/token/sliding/", Map.of("username", username, "password", PASSWORD));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().propertyNames()).containsExactly("token");
		return response.json().get("token").asString();
	}

	HttpApi.Response slide(String token) {
		return api().postJson("/api/token/sliding/refresh/", Map.of("token", token));
	}

	static JsonNode payload(String token) {
		return HttpApi.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
	}

	@Test
	void obtainThenSlidingTokenHasSimpleJwtClaimsAndAuthenticates() {
		String token = obtain();
		JsonNode claims = payload(token);
		assertThat(claims.get("token_type").asString()).isEqualTo("sliding");
		assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
		assertThat(claims.get("refresh_exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
		assertThat(api().get("/api/auth/user/", token).status()).isEqualTo(200);
	}

	@Test
	void refreshWhenBeforeRefreshExpThenSameJtiLaterExpUntilRefreshExpPasses() {
		String first = obtain();
		this.clock.advance(Duration.ofMinutes(4));
		String second = slide(first).json().get("token").asString();
		assertThat(payload(second).get("jti")).isEqualTo(payload(first).get("jti"));
		assertThat(payload(second).get("refresh_exp")).isEqualTo(payload(first).get("refresh_exp"));
		assertThat(payload(second).get("exp").asLong()).isGreaterThan(payload(first).get("exp").asLong());

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(api().get("/api/auth/user/", first).status()).isEqualTo(401);
		assertThat(api().get("/api/auth/user/", second).status()).isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(2));
		String third = slide(second).json().get("token").asString();
		this.clock.advance(Duration.ofMinutes(3));
		HttpApi.Response tooLate = slide(third);
		assertThat(tooLate.status()).isEqualTo(401);
		assertThat(tooLate.json().get("detail").asString()).isEqualTo("Token 'refresh_exp' claim has expired");
		assertThat(tooLate.json().get("code").asString()).isEqualTo("token_not_valid");
	}

	@Test
	void logoutAllThenSlidingTokenRefusedAndNotRefreshable() {
		String token = obtain();
		HttpApi.Response logoutAll = api().send("POST", "/api/auth/logout-all/", Map.of("Authorization", "Bearer " + token), null);
		assertThat(logoutAll.status()).isEqualTo(200);

		assertThat(api().get("/api/auth/user/", token).status()).isEqualTo(401);
		assertThat(slide(token).json().get("detail").asString()).isEqualTo("Token is blacklisted");
	}

	/** Issue #14, item 11: sliding refresh checks, as refresh does, that the user is still active. */
	@Test
	void refreshWhenUserDeactivatedThenNoActiveAccount() {
		String token = obtain();
		JdbcClient.create(this.dataSource)
			.sql("UPDATE latchkey_user SET is_active = FALSE WHERE id = :id")
			.param("id", payload(token).get("user_id").asLong())
			.update();

		HttpApi.Response response = AbstractJourneyIntegrationTests.within(Duration.ofSeconds(1), () -> slide(token),
				(r) -> r.status() == 401);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("detail").asString()).isEqualTo("No active account found for the given token.");
	}

	@Test
	void refreshTokensStillRefusedByTheApiWhenSlidingTokensAccepted() {
		String username = AbstractJourneyIntegrationTests.uniqueUsername();
		String refresh = api().signUp(username, PASSWORD).json().get("token").get("refresh").asString();
		HttpApi.Response response = api().get("/api/auth/user/", refresh);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("messages").get(0).get("message").asString()).isEqualTo("Token has wrong type");
	}

}
