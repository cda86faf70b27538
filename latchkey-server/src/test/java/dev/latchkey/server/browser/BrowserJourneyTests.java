package dev.latchkey.server.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page's journey in a real Chromium, with the default token delivery ({@code both}):
 * sign-up with validator errors, profile, reload, sessions, password change, logout, logout
 * everywhere, and the CSRF header on every unsafe request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=browser-test-signing-key-0123456789abcdef0123" })
@Import(BrowserTestConfiguration.class)
class BrowserJourneyTests extends AbstractBrowserTests {

	@Test
	void signUpWithWeakPasswordShowsValidatorErrorsBesideTheFieldThenGoodOneSignsUp() {
		this.browser.openPage(baseUrl());
		assertThat(this.browser.state()).isEqualTo("signed-out");
		String username = uniqueUsername();

		submitSignUp(username, "Ada Lovelace", "ada-at-example", "1234");
		this.browser.waitForVisible("signup-password-errors");

		assertThat(this.browser.items("signup-password-errors")).containsExactly(
				"This password is too short. It must contain at least 8 characters.", "This password is too common.",
				"This password is entirely numeric.");
		assertThat(this.browser.items("signup-email-errors")).containsExactly("Enter a valid email address.");
		assertThat(this.browser.visible("signup-username-errors")).isFalse();
		assertThat(besideItsField("signup-password")).isTrue();
		assertThat(besideItsField("signup-email")).isTrue();
		assertThat(this.browser.element("signup-password").getDomAttribute("aria-invalid")).isEqualTo("true");
		this.browser.screenshot("01-sign-up-validator-errors");

		this.browser.type("signup-email", "ada@example.com");
		this.browser.type("signup-password", PASSWORD);
		this.browser.click("signup-submit");
		this.browser.waitForState("signed-in");

		assertThat(this.browser.text("current-username")).isEqualTo(username);
		assertThat(this.browser.value("profile-username")).isEqualTo(username);
		assertThat(this.browser.value("profile-name")).isEqualTo("Ada Lovelace");
		assertThat(this.browser.value("profile-email")).isEqualTo("ada@example.com");
		assertThat(this.browser.text("app-status")).contains("Welcome, Ada Lovelace!");
		assertThat(listedSessions()).isEqualTo(1);
		assertNoTokenCookieVisibleToScript();
		Map<String, Map<String, Object>> cookies = this.browser.allCookies();
		assertThat(cookies.get("access")).containsEntry("httpOnly", true).containsEntry("secure", true)
			.containsEntry("sameSite", "Lax").containsEntry("path", "/");
		assertThat(cookies.get("refresh")).containsEntry("httpOnly", true).containsEntry("secure", true)
			.containsEntry("sameSite", "Lax").containsEntry("path", "/api/");
		this.browser.screenshot("02-signed-in-profile");
	}

	@Test
	void reloadKeepsTheUserSignedInWithTheEditedProfile() {
		String username = uniqueUsername();
		signUpThroughPage(username, "Grace");
		saveNameThroughPage("Grace Hopper");
		this.browser.type("profile-email", "grace@example.org");
		this.browser.click("profile-save");
		this.browser.waitUntil("the saved e-mail", () -> this.recorder.api()
			.stream()
			.anyMatch((exchange) -> exchange.method().equals("PATCH") && exchange.body().contains("grace@example.org")));

		this.browser.reload();

		assertThat(this.browser.state()).isEqualTo("signed-in");
		assertThat(this.browser.text("current-username")).isEqualTo(username);
		assertThat(this.browser.value("profile-name")).isEqualTo("Grace Hopper");
		assertThat(this.browser.value("profile-email")).isEqualTo("grace@example.org");
		assertNoTokenCookieVisibleToScript();
	}

	@Test
	void profileErrorsShowBesideTheField() {
		signUpThroughPage(uniqueUsername(), "Edsger");
		this.browser.type("profile-email", "not an e-mail");
		this.browser.click("profile-save");
		this.browser.waitForVisible("profile-email-errors");
		assertThat(this.browser.items("profile-email-errors")).containsExactly("Enter a valid email address.");
		assertThat(besideItsField("profile-email")).isTrue();
	}

	@Test
	void sessionsListShowsEverySignInAndRevokesOne() {
		String username = uniqueUsername();
		signUpThroughPage(username, "Barbara Liskov");
		JavaClient.Tokens phone = javaClient().login(username, PASSWORD, JavaClient.IPHONE);
		JavaClient.Tokens laptop = javaClient().login(username, PASSWORD, JavaClient.FIREFOX_WINDOWS);

		reloadSessionsUntil(3);
		List<WebElement> sessions = this.browser.element("sessions-list").findElements(By.cssSelector("li.session"));
		assertThat(sessions).hasSize(3);
		assertThat(sessions.get(0).getText()).contains("This browser", "Headless Chrome on Linux");
		assertThat(sessions.get(0).findElements(By.cssSelector("button.session-revoke"))).isEmpty();
		assertThat(this.browser.text("sessions-list")).contains("Safari on iOS", "Firefox on Windows");
		this.browser.scrollTo("sessions-card");
		this.browser.screenshot("03-sessions");

		WebElement phoneSession = sessions.stream()
			.filter((session) -> session.getText().contains("Safari on iOS"))
			.findFirst()
			.orElseThrow();
		phoneSession.findElement(By.cssSelector("button.session-revoke")).click();
		this.browser.waitUntil("2 sessions listed",
				() -> "2".equals(this.browser.element("sessions-list").getDomAttribute("data-count")));

		assertThat(this.browser.text("sessions-list")).doesNotContain("Safari on iOS").contains("Firefox on Windows");
		assertThat(javaClient().refreshStatus(phone.refresh())).isEqualTo(401);
		assertThat(javaClient().refreshStatus(laptop.refresh())).isEqualTo(200);
		assertThat(this.browser.state()).isEqualTo("signed-in");
	}

	@Test
	void passwordChangeShowsErrorsBesideTheFieldsThenSavesAndTheNewPasswordLogsIn() {
		String username = uniqueUsername();
		signUpThroughPage(username, "Frances Allen");
		JavaClient.Tokens other = javaClient().login(username, PASSWORD);

		this.browser.type("password-old", "wrong-password");
		this.browser.type("password-new1", "N3w-Passw0rd!x");
		this.browser.type("password-new2", "N3w-Passw0rd!y");
		this.browser.click("password-submit");
		this.browser.waitUntil("password errors", () -> this.browser.visible("password-old-errors")
				|| this.browser.visible("password-new2-errors"));
		assertThat(besideItsField("password-old")).isTrue();

		this.browser.type("password-old", PASSWORD);
		this.browser.type("password-new1", "N3w-Passw0rd!x");
		this.browser.type("password-new2", "N3w-Passw0rd!x");
		this.browser.click("password-submit");
		this.browser.waitForText("password-status", "New password has been saved.");
		assertThat(this.browser.visible("password-old-errors")).isFalse();
		assertThat(this.browser.visible("password-new2-errors")).isFalse();

		// The other sessions ended; this one stays signed in.
		assertThat(javaClient().refreshStatus(other.refresh())).isEqualTo(401);
		this.browser.reload();
		assertThat(this.browser.state()).isEqualTo("signed-in");

		this.browser.click("logout");
		this.browser.waitForState("signed-out");
		logInThroughPage(username, "N3w-Passw0rd!x");
		assertThat(javaClient().loginStatus(username, PASSWORD)).isEqualTo(401);
	}

	@Test
	void loginWithWrongPasswordShowsTheError() {
		String username = uniqueUsername();
		signUpThroughPage(username, "Alan");
		this.browser.click("logout");
		this.browser.waitForState("signed-out");

		this.browser.type("login-username", username);
		this.browser.type("login-password", "not-the-password");
		this.browser.click("login-submit");
		this.browser.waitForText("login-errors", "No active account found with the given credentials");
		assertThat(this.browser.state()).isEqualTo("signed-out");
	}

	@Test
	void logoutClearsBothCookiesAndShowsSignedOut() {
		String username = uniqueUsername();
		signUpThroughPage(username, "Katherine Johnson");
		Map<String, Map<String, Object>> before = this.browser.allCookies();
		assertThat(before).containsKeys("access", "refresh");
		assertThat(this.browser.cookies()).extracting(Cookie::getName).contains("access");
		String refresh = (String) before.get("refresh").get("value");

		this.browser.click("logout");
		this.browser.waitForState("signed-out");

		assertThat(this.browser.text("app-status")).isEqualTo("You have been logged out.");
		assertThat(this.browser.visible("signed-out")).isTrue();
		assertThat(this.browser.visible("signed-in")).isFalse();
		assertThat(this.browser.visible("user-badge")).isFalse();
		assertThat(this.browser.cookies()).extracting(Cookie::getName).doesNotContain("access", "refresh");
		assertThat(this.browser.allCookies()).doesNotContainKeys("access", "refresh");
		assertThat(javaClient().refreshStatus(refresh)).isEqualTo(401);
		this.browser.screenshot("04-signed-out");

		this.browser.reload();
		assertThat(this.browser.state()).isEqualTo("signed-out");
	}

	@Test
	void logoutEverywhereEndsEverySession() {
		String username = uniqueUsername();
		signUpThroughPage(username, "Margaret Hamilton");
		JavaClient.Tokens other = javaClient().login(username, PASSWORD);

		this.browser.click("logout-all");
		this.browser.waitForState("signed-out");

		assertThat(this.browser.text("app-status")).isEqualTo("You have been logged out of every session.");
		assertThat(this.browser.allCookies()).doesNotContainKeys("access", "refresh");
		assertThat(javaClient().refreshStatus(other.refresh())).isEqualTo(401);
		this.browser.reload();
		assertThat(this.browser.state()).isEqualTo("signed-out");
	}

	@Test
	void everyUnsafeRequestOfThePageCarriesTheCsrfTokenOfTheReadableCookie() {
		String username = uniqueUsername();
		signUpThroughPage(username, "Radia Perlman");
		assertThat(this.browser.documentCookie()).as("document.cookie").contains("csrftoken=");
		assertThat(this.browser.allCookies().get("csrftoken")).containsEntry("httpOnly", false);
		javaClient().login(username, PASSWORD);
		saveNameThroughPage("Radia J. Perlman");
		reloadSessionsUntil(2);
		this.browser.element("sessions-list").findElement(By.cssSelector("button.session-revoke")).click();
		this.browser.waitUntil("1 session listed",
				() -> "1".equals(this.browser.element("sessions-list").getDomAttribute("data-count")));
		this.browser.click("logout");
		this.browser.waitForState("signed-out");
		logInThroughPage(username, PASSWORD);

		// The page's unsafe requests (the browser sends Origin with them; the Java client does not).
		List<ExchangeRecorder.Exchange> unsafe = this.recorder.api()
			.stream()
			.filter(ExchangeRecorder.Exchange::unsafe)
			.filter((exchange) -> baseUrl().equals(exchange.origin()))
			.toList();
		assertThat(unsafe).extracting((exchange) -> exchange.method() + " " + exchange.path())
			.contains("POST /api/auth/signup/", "PATCH /api/auth/user/", "POST /api/auth/logout/", "POST /api/token/")
			.anyMatch((request) -> request.startsWith("DELETE /api/auth/sessions/"));
		assertThat(unsafe).allSatisfy((exchange) -> {
			assertThat(exchange.csrfHeader()).as("X-CSRFToken of %s", exchange).isNotBlank();
			assertThat(exchange.csrfHeader()).as("X-CSRFToken of %s", exchange).isEqualTo(exchange.csrfCookie());
			assertThat(exchange.status()).as("%s", exchange).isNotEqualTo(403);
		});
	}

	/** Whether the error list of a field sits in the same field box as its input. */
	private boolean besideItsField(String inputId) {
		return (Boolean) this.browser.js("const input = document.getElementById(arguments[0]);"
				+ "const errors = document.getElementById(arguments[0] + '-errors');"
				+ "return errors.parentElement === input.parentElement"
				+ " && input.compareDocumentPosition(errors) === Node.DOCUMENT_POSITION_FOLLOWING;", inputId);
	}

	private void assertNoTokenCookieVisibleToScript() {
		String documentCookie = this.browser.documentCookie();
		assertThat(documentCookie).as("document.cookie").doesNotContainPattern("(^|;\\s*)(access|refresh)=")
			.doesNotContain("eyJ");
	}

}
