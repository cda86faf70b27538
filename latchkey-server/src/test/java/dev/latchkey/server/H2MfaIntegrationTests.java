package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * TOTP second factors on the embedded H2 database, as the default server runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:mfa;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=mfa-test-signing-key-0123456789abcdef012345",
				"latchkey.throttle.initial-lockout=1m" })
class H2MfaIntegrationTests extends AbstractMfaIntegrationTests {

}
