package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mandatory email verification on the embedded H2 database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:verify;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=verify-test-signing-key-0123456789abcdef012345678",
				"latchkey.account.email-verification=mandatory", "latchkey.mail.poll-interval=100ms" })
class H2EmailVerificationIntegrationTests extends AbstractEmailVerificationIntegrationTests {

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
