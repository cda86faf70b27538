package dev.latchkey.server.browser;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.latchkey.server.MailCatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account recovery on the demo page in a real Chromium, with mandatory email verification and a
 * real SMTP server in this JVM: sign up, open the link of the verification mail, sign in; then
 * forget the password, open the link of the reset mail, choose a new one and sign in with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:browser-recovery;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=browser-recovery-signing-key-0123456789abcdef0123",
				"latchkey.account.email-verification=mandatory", "latchkey.mail.poll-interval=100ms" })
@Import(BrowserTestConfiguration.class)
class BrowserAccountRecoveryTests extends AbstractBrowserTests {

	static final MailCatcher MAIL = new MailCatcher().start();

	static final String NEW_PASSWORD = "An0ther-Passw0rd?";

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		MAIL.register(registry);
	}

	@Test
	void signUpVerifyByMailSignInThenResetForgottenPasswordByMailAndSignInWithTheNewOne() {
		String username = uniqueUsername();
		String email = username + "@example.com";
		this.browser.openPage(baseUrl());

		submitSignUp(username, "Ada", email, PASSWORD);

		this.browser.waitForText("app-status", "Verification e-mail sent.");
		assertThat(this.browser.state()).isEqualTo("signed-out");
		signIn(username, PASSWORD);
		this.browser.waitForText("login-errors", "E-mail is not verified.");
		assertThat(this.browser.state()).isEqualTo("signed-out");

		this.browser.open(MailCatcher.link(MAIL.awaitMessagesTo(email, 1).get(0)));
		this.browser.waitForText("app-status", "Your e-mail address is verified.");
		signIn(username, PASSWORD);
		this.browser.waitForState("signed-in");
		assertThat(this.browser.text("current-username")).isEqualTo(username);

		this.browser.click("logout");
		this.browser.waitForState("signed-out");
		this.browser.click("forgot-link");
		this.browser.waitForVisible("forgot-form");
		this.browser.type("forgot-email", email);
		this.browser.click("forgot-submit");
		this.browser.waitForText("forgot-status", "a reset link is on its way");

		this.browser.open(MailCatcher.link(MAIL.awaitMessagesTo(email, 2).get(1)));
		this.browser.waitForState("reset");
		this.browser.type("reset-new1", NEW_PASSWORD);
		this.browser.type("reset-new2", NEW_PASSWORD + "x");
		this.browser.click("reset-submit");
		assertThat(waitForItems("reset-new2-errors")).containsExactly("The two password fields didn\u2019t match.");
		this.browser.type("reset-new2", NEW_PASSWORD);
		this.browser.click("reset-submit");
		this.browser.waitForText("app-status", "Your password has been reset.");

		signIn(username, PASSWORD);
		this.browser.waitForText("login-errors", "No active account found with the given credentials");
		signIn(username, NEW_PASSWORD);
		this.browser.waitForState("signed-in");
		assertThat(this.browser.text("current-username")).isEqualTo(username);
	}

	private void signIn(String username, String password) {
		this.browser.type("login-username", username);
		this.browser.type("login-password", password);
		this.browser.click("login-submit");
	}

	private java.util.List<String> waitForItems(String listId) {
		this.browser.waitForVisible(listId);
		return this.browser.items(listId);
	}

}
