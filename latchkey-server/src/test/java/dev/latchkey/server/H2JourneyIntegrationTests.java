package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The journey on the embedded H2 database in PostgreSQL mode, as the default server runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:journey;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=journey-test-signing-key-0123456789abcdef0123" })
class H2JourneyIntegrationTests extends AbstractJourneyIntegrationTests {

}
