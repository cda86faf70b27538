package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Password reset on a real PostgreSQL server (zonky).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.jwt.signing-key=reset-test-signing-key-0123456789abcdef01234567",
				"latchkey.web.trusted-proxies=127.0.0.1/32,::1/128", "latchkey.account.resets-per-email=3",
				"latchkey.account.resets-per-address=5", "latchkey.mail.initial-backoff=100ms",
				"latchkey.mail.maximum-backoff=500ms", "latchkey.mail.poll-interval=100ms" })
class PostgresPasswordResetIntegrationTests extends AbstractPasswordResetIntegrationTests {

	static final MailCatcher MAIL = new MailCatcher().start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		MAIL.register(registry);
		TestPostgres.register(registry, "reset");
	}

	@Override
	MailCatcher mail() {
		return MAIL;
	}

}
