package dev.latchkey.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-up by invitation on the embedded H2 database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:invite;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=invite-test-signing-key-0123456789abcdef0123456789",
				"latchkey.account.sign-up=invite", "latchkey.mail.poll-interval=100ms" })
class H2SignUpPolicyIntegrationTests extends AbstractSignUpPolicyIntegrationTests {

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
