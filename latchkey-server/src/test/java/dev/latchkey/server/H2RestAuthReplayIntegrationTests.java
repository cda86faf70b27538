package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * dj-rest-auth's pairs on the embedded H2 database (mail goes to .eml files).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:restauth;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=restauth-test-signing-key-0123456789abcdef01234",
				"latchkey.mail.file-directory=${java.io.tmpdir}/latchkey-restauth-outbox",
				"latchkey.account.resets-per-email=1000", "latchkey.account.resets-per-address=1000" })
class H2RestAuthReplayIntegrationTests extends AbstractRestAuthReplayIntegrationTests {

}
