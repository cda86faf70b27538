package dev.latchkey.server.browser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.latchkey.server.TestPostgres;

/**
 * The demo page's second factors and passkeys in Chromium, on a real PostgreSQL server
 * (zonky's embedded binaries): the passkey tables and challenges on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = "latchkey.jwt.signing-key=browser-mfa-test-signing-key-0123456789abcdef")
@Import(BrowserTestConfiguration.class)
class PostgresBrowserSecondFactorTests extends AbstractBrowserSecondFactorTests {

	private static final int PORT = freePort();

	@DynamicPropertySource
	static void datasourceAndPort(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry, "browser_mfa");
		listenOn(registry, PORT);
	}

}
