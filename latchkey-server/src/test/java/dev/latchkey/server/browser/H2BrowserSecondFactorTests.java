package dev.latchkey.server.browser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo page's second factors and passkeys in Chromium, on the embedded H2 database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:browser-mfa;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=browser-mfa-test-signing-key-0123456789abcdef" })
@Import(BrowserTestConfiguration.class)
class H2BrowserSecondFactorTests extends AbstractBrowserSecondFactorTests {

	private static final int PORT = freePort();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		listenOn(registry, PORT);
	}

}
