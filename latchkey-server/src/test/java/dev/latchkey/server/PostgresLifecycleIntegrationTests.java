package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The token lifecycle on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "latchkey.jwt.signing-key=journey-test-signing-key-0123456789abcdef0123")
class PostgresLifecycleIntegrationTests extends AbstractLifecycleIntegrationTests {

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry, "lifecycle");
	}

}
