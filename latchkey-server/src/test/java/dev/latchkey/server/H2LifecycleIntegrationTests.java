package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The token lifecycle on H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:lifecycle;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=journey-test-signing-key-0123456789abcdef0123" })
class H2LifecycleIntegrationTests extends AbstractLifecycleIntegrationTests {

}
