package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mandatory email verification on a real PostgreSQL server (zonky).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.jwt.signing-key=verify-test-signing-key-0123456789abcdef012345678",
				"latchkey.account.email-verification=mandatory", "latchkey.mail.poll-interval=100ms" })
class PostgresEmailVerificationIntegrationTests extends AbstractEmailVerificationIntegrationTests {

	static final MailCatcher MAIL = new MailCatcher().start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		MAIL.register(registry);
		TestPostgres.register(registry, "verify");
	}

	@Override
	MailCatcher mail() {
		return MAIL;
	}

}
