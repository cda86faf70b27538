package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Password reset on the embedded H2 database, as the default server runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:reset;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=reset-test-signing-key-0123456789abcdef01234567",
				"latchkey.web.trusted-proxies=127.0.0.1/32,::1/128", "latchkey.account.resets-per-email=3",
				"latchkey.account.resets-per-address=5", "latchkey.mail.initial-backoff=100ms",
				"latchkey.mail.maximum-backoff=500ms", "latchkey.mail.poll-interval=100ms" })
class H2PasswordResetIntegrationTests extends AbstractPasswordResetIntegrationTests {

	static final MailCatcher MAIL = new MailCatcher().start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		MAIL.register(registry);
	}

	@Override
	MailCatcher mail() {
		return MAIL;
	}

}
