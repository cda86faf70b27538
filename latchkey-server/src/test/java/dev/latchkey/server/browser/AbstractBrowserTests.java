package dev.latchkey.server.browser;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the demo page in a real headless Chromium against the server on its random port, one fresh
 * browser profile per test. The page is served under {@code Content-Security-Policy: default-src
 * 'self'} (by {@link ExchangeRecorder}) and no test may end with a CSP violation in the console.
 * <p>
 * The page is opened at {@code http://localhost:<port>/}: Chromium treats localhost as a secure
 * context, so it keeps and sends the {@code Secure} token cookies over plain HTTP.
 */
abstract class AbstractBrowserTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	@LocalServerPort
	int port;

	@Autowired
	ExchangeRecorder recorder;

	Browser browser;

	@BeforeAll
	static void chromiumInstalled() {
		assumeTrue(Browser.available(), "needs Debian's chromium and chromium-driver (/usr/bin/chromium)");
	}

	@BeforeEach
	void startBrowser() {
		this.recorder.clear();
		this.browser = new Browser();
	}

	@AfterEach
	void stopBrowser() {
		try {
			List<String> violations = this.browser.consoleMessages()
				.stream()
				.filter((message) -> message.contains("Content Security Policy"))
				.toList();
			assertThat(violations).as("Content-Security-Policy violations").isEmpty();
		}
		finally {
			this.browser.close();
		}
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	JavaClient javaClient() {
		return new JavaClient(baseUrl());
	}

	static String uniqueUsername() {
		return "user_" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Fills in and submits the sign-up form, without waiting for the answer. */
	void submitSignUp(String username, String name, String email, String password) {
		this.browser.type("signup-username", username);
		this.browser.type("signup-name", name);
		this.browser.type("signup-email", email);
		this.browser.type("signup-password", password);
		this.browser.click("signup-submit");
	}

	/** Opens the page and signs up through it, ending on the signed-in view. */
	void signUpThroughPage(String username, String name) {
		this.browser.openPage(baseUrl());
		assertThat(this.browser.state()).isEqualTo("signed-out");
		submitSignUp(username, name, username + "@example.com", PASSWORD);
		this.browser.waitForState("signed-in");
		this.browser.waitForText("current-username", username);
	}

	/** Signs in through the page's form (the page must show the signed-out view). */
	void logInThroughPage(String username, String password) {
		this.browser.type("login-username", username);
		this.browser.type("login-password", password);
		this.browser.click("login-submit");
		this.browser.waitForState("signed-in");
		this.browser.waitForText("current-username", username);
	}

	/** Edits the profile's name through the page and waits for "Saved.". */
	void saveNameThroughPage(String name) {
		this.browser.type("profile-name", name);
		this.browser.click("profile-save");
		this.browser.waitForText("profile-status", "Saved.");
	}

	/** The number of sessions the page lists, once the list has loaded. */
	int listedSessions() {
		this.browser.waitUntil("the sessions list", () -> this.browser.element("sessions-list").getDomAttribute("data-count") != null
				&& this.browser.element("sessions-list").getDomAttribute("aria-busy") == null);
		return Integer.parseInt(this.browser.element("sessions-list").getDomAttribute("data-count"));
	}

	/** Clicks "Reload" on the sessions card and waits until it lists the expected number. */
	void reloadSessionsUntil(int expected) {
		this.browser.click("sessions-reload");
		this.browser.waitUntil(expected + " sessions listed", () -> String.valueOf(expected)
			.equals(this.browser.element("sessions-list").getDomAttribute("data-count")));
	}

}
