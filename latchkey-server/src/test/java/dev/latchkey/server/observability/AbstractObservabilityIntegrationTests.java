package dev.latchkey.server.observability;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * One server for the observability tests (they share its application context): the default
 * server configuration on an in-memory H2 database, plus two event listeners of the
 * application's own, one that records and one that always fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.datasource.url=jdbc:h2:mem:observability;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=observability-test-signing-key-0123456789abcdef" })
@Import(ApplicationListeners.class)
abstract class AbstractObservabilityIntegrationTests {

	@LocalServerPort
	int port;

	ObservabilityClient client() {
		return new ObservabilityClient(this.port);
	}

}
