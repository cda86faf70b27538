package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-up by invitation on a real PostgreSQL server (zonky).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.jwt.signing-key=invite-test-signing-key-0123456789abcdef0123456789",
				"latchkey.account.sign-up=invite", "latchkey.mail.poll-interval=100ms" })
class PostgresSignUpPolicyIntegrationTests extends AbstractSignUpPolicyIntegrationTests {

	static final MailCatcher MAIL = new MailCatcher().start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		MAIL.register(registry);
		TestPostgres.register(registry, "invite");
	}

	@Override
	MailCatcher mail() {
		return MAIL;
	}

}
