package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * dj-rest-auth's pairs on a real PostgreSQL server (zonky).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.jwt.signing-key=restauth-test-signing-key-0123456789abcdef01234",
				"latchkey.mail.file-directory=${java.io.tmpdir}/latchkey-restauth-outbox",
				"latchkey.account.resets-per-email=1000", "latchkey.account.resets-per-address=1000" })
class PostgresRestAuthReplayIntegrationTests extends AbstractRestAuthReplayIntegrationTests {

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry, "restauth");
	}

}
