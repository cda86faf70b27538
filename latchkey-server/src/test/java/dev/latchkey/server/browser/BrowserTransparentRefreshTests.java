package dev.latchkey.server.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a 2-second access token the page keeps working after expiry: an API call that answers 401
 * is repeated once after a transparent {@code POST /api/token/refresh/}, which reads the refresh
 * cookie.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:browser_refresh;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=browser-test-signing-key-0123456789abcdef0123",
				"latchkey.jwt.access-token-lifetime=2s" })
@Import(BrowserTestConfiguration.class)
class BrowserTransparentRefreshTests extends AbstractBrowserTests {

	@Test
	void profileEditAfterTheAccessTokenExpiredSucceedsThroughOneTransparentRefresh() throws InterruptedException {
		signUpThroughPage(uniqueUsername(), "Before");
		Thread.sleep(3000);
		this.recorder.clear();

		saveNameThroughPage("After");

		assertThat(requests()).containsExactly("PATCH /api/auth/user/ 401", "POST /api/token/refresh/ 200",
				"PATCH /api/auth/user/ 200");
		this.browser.reload();
		assertThat(this.browser.value("profile-name")).isEqualTo("After");
	}

	@Test
	void expiredAccessTokenStillInTheCookieIsRefreshedOnTokenNotValid() throws InterruptedException {
		signUpThroughPage(uniqueUsername(), "Before");
		Cookie access = this.browser.driver.manage().getCookieNamed("access");
		Thread.sleep(3000);
		// Put the expired token back, without expiry, so the server sees it and answers token_not_valid.
		this.browser.driver.manage()
			.addCookie(new Cookie.Builder("access", access.getValue()).path("/").isHttpOnly(true).isSecure(true)
				.sameSite("Lax")
				.build());
		this.recorder.clear();

		saveNameThroughPage("After");

		assertThat(requests()).containsExactly("PATCH /api/auth/user/ 401", "POST /api/token/refresh/ 200",
				"PATCH /api/auth/user/ 200");
		assertThat(this.recorder.api().get(0).body()).contains("\"code\":\"token_not_valid\"");
	}

	@Test
	void reloadAfterTheAccessTokenExpiredStaysSignedIn() throws InterruptedException {
		String username = uniqueUsername();
		signUpThroughPage(username, "Reloader");
		Thread.sleep(3000);
		this.recorder.clear();

		this.browser.reload();

		assertThat(this.browser.state()).isEqualTo("signed-in");
		assertThat(this.browser.text("current-username")).isEqualTo(username);
		assertThat(requests()).startsWith("GET /api/auth/user/ 401", "POST /api/token/refresh/ 200",
				"GET /api/auth/user/ 200");
	}

	@Test
	void whenTheRefreshFailsToo_thePageShowsSignedOut() throws InterruptedException {
		String username = uniqueUsername();
		signUpThroughPage(username, "Revoked");
		JavaClient.Tokens other = javaClient().login(username, PASSWORD);
		// End every session from elsewhere: the browser's refresh token stops working.
		assertThat(javaClient().post("/api/auth/logout-all/", Map.of(), other.access()).statusCode()).isEqualTo(200);
		Thread.sleep(3000);

		this.browser.type("profile-name", "Too late");
		this.browser.click("profile-save");
		this.browser.waitForState("signed-out");

		assertThat(this.browser.text("app-status")).contains("Your session has ended");
	}

	/** The API requests since the recorder was cleared, leaving out the page's CSRF-cookie fetches. */
	private List<String> requests() {
		return this.recorder.api()
			.stream()
			.filter((exchange) -> !exchange.path().startsWith("/api/auth/csrf"))
			.map((exchange) -> exchange.method() + " " + exchange.path() + " " + exchange.status())
			.toList();
	}

}
