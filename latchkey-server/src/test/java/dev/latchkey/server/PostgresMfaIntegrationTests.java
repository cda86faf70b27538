package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * TOTP second factors on a real PostgreSQL server (zonky's embedded binaries).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.jwt.signing-key=mfa-test-signing-key-0123456789abcdef012345",
				"latchkey.throttle.initial-lockout=1m" })
class PostgresMfaIntegrationTests extends AbstractMfaIntegrationTests {

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry, "mfa");
	}

}
