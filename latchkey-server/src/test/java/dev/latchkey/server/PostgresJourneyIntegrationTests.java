package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The journey on a real PostgreSQL server (zonky's embedded binaries), chosen with nothing but
 * the standard {@code spring.datasource.*} properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "latchkey.jwt.signing-key=journey-test-signing-key-0123456789abcdef0123")
class PostgresJourneyIntegrationTests extends AbstractJourneyIntegrationTests {

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry, "journey");
	}

}
