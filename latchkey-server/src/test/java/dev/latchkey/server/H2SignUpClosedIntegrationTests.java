package dev.latchkey.server;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code latchkey.account.sign-up=closed}: both sign-up endpoints refuse with 403 (nothing is
 * stored, so one database suffices).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:closed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=closed-test-signing-key-0123456789abcdef0123456789",
				"latchkey.account.sign-up=closed" })
class H2SignUpClosedIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void signUpWhenClosedThenForbiddenOnBothEndpoints() {
		HttpApi api = new HttpApi(this.port);

		HttpApi.Response registration = api.postJson("/api/auth/registration/", Map.of("username", "carol",
				"email", "carol@example.com", "password1", "Str0ng-Passw0rd!", "password2", "Str0ng-Passw0rd!"));
		HttpApi.Response signUp = api.signUp("carol", "Str0ng-Passw0rd!");

		assertThat(registration.status()).isEqualTo(signUp.status()).isEqualTo(403);
		assertThat(registration.text()).isEqualTo(signUp.text()).isEqualTo("{\"detail\":\"Sign up is closed.\"}");
		assertThat(api.login("carol", "Str0ng-Passw0rd!").status()).isEqualTo(401);
	}

}
