package dev.latchkey.server.importer;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Importing Django's users into the embedded H2 database (PostgreSQL mode), then logging in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
		"spring.datasource.url=jdbc:h2:mem:djangoimport;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
class H2DjangoImportIntegrationTests extends AbstractDjangoImportIntegrationTests {

}
