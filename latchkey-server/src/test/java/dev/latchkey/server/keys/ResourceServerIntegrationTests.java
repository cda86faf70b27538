package dev.latchkey.server.keys;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.latchkey.otherservice.OtherService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another service of the fleet: a Spring Boot application with nothing but Spring Security's
 * resource server, pointed at Latchkey's JWKS. It accepts Latchkey's access tokens and refuses
 * its refresh tokens by their {@code token_type}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:issuer;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class ResourceServerIntegrationTests {

	static ConfigurableApplicationContext otherService;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("latchkey.jwt.keys[0].kid", () -> "rsa-2026");
		registry.add("latchkey.jwt.keys[0].algorithm", () -> "RS256");
		registry.add("latchkey.jwt.keys[0].jwk-file", TestKeys.RSA_FILE::toString);
	}

	@BeforeAll
	static void noOtherServiceYet() {
		otherService = null;
	}

	@AfterAll
	static void stopOtherService() {
		if (otherService != null) {
			otherService.close();
		}
	}

	ConfigurableApplicationContext otherService() {
		if (otherService == null) {
			// Its own configuration name: the Latchkey server's application.yml is not this service's.
			otherService = new SpringApplicationBuilder(OtherService.class).run("--spring.config.name=other-service",
					"--server.port=0",
					"--spring.main.banner-mode=off",
					"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:" + this.port + "/.well-known/jwks.json",
					"--spring.autoconfigure.exclude=dev.latchkey.autoconfigure.LatchkeyAutoConfiguration,"
							+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
		}
		return otherService;
	}

	@Test
	void otherServiceWhenLatchkeyAccessTokenThenAcceptedAndRefreshTokenRefused() {
		KeysApi latchkey = new KeysApi(this.port);
		String[] pair = latchkey.signUp();
		KeysApi other = new KeysApi(((WebServerApplicationContext) otherService()).getWebServer().getPort());

		KeysApi.Answer withAccess = other.get("/orders", pair[0]);
		assertThat(withAccess.status()).isEqualTo(200);
		assertThat(withAccess.json().get("user_id").asLong()).isPositive();
		assertThat(other.get("/orders", pair[1]).status()).isEqualTo(401);
		assertThat(other.get("/orders", null).status()).isEqualTo(401);
	}

}
