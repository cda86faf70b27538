package dev.latchkey.server.importer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import dev.latchkey.server.TestPostgres;

/**
 * Importing Django's users into a real PostgreSQL (zonky's embedded binaries), then logging in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresDjangoImportIntegrationTests extends AbstractDjangoImportIntegrationTests {

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		String url = TestPostgres.url("djangoimport");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

}
