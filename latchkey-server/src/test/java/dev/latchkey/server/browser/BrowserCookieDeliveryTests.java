package dev.latchkey.server.browser;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole journey with {@code latchkey.web.token-delivery=cookie}: the tokens live only in the
 * HttpOnly cookies, and no response body the browser receives carries a JWT-shaped string.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:browser_cookie;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=browser-test-signing-key-0123456789abcdef0123",
				"latchkey.web.token-delivery=cookie" })
@Import(BrowserTestConfiguration.class)
class BrowserCookieDeliveryTests extends AbstractBrowserTests {

	private static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]*");

	private static final String NEW_PASSWORD = "An0ther-Passw0rd!";

	@Test
	void wholeJourneyWorksAndNoResponseBodyCarriesAToken() {
		String username = uniqueUsername();
		this.browser.openPage(baseUrl());
		assertThat(this.browser.state()).isEqualTo("signed-out");

		// Sign up: a weak password first, then a good one.
		submitSignUp(username, "Hedy Lamarr", "hedy@example.com", "password");
		this.browser.waitForVisible("signup-password-errors");
		assertThat(this.browser.items("signup-password-errors")).contains("This password is too common.");
		this.browser.type("signup-password", PASSWORD);
		this.browser.click("signup-submit");
		this.browser.waitForState("signed-in");
		assertThat(this.browser.allCookies()).containsKeys("access", "refresh");
		assertThat(this.browser.documentCookie()).doesNotContainPattern("(^|;\\s*)(access|refresh)=");

		// Reload, edit the profile.
		this.browser.reload();
		assertThat(this.browser.text("current-username")).isEqualTo(username);
		saveNameThroughPage("Hedy Kiesler Lamarr");

		// A transparent refresh: replace the access cookie by a bad token.
		this.browser.driver.manage().deleteCookieNamed("access");
		this.browser.driver.manage()
			.addCookie(new org.openqa.selenium.Cookie.Builder("access", "not-a-token").path("/").isHttpOnly(true)
				.isSecure(true)
				.sameSite("Lax")
				.build());
		saveNameThroughPage("Hedy Lamarr");
		assertThat(this.recorder.api()).anySatisfy((exchange) -> {
			assertThat(exchange.path()).isEqualTo("/api/token/refresh/");
			assertThat(exchange.status()).isEqualTo(200);
		});

		// Sessions: another device signs in, the page lists and revokes it.
		javaClient().login(username, PASSWORD, JavaClient.FIREFOX_WINDOWS);
		reloadSessionsUntil(2);
		this.browser.element("sessions-list").findElement(By.cssSelector("button.session-revoke")).click();
		this.browser.waitUntil("1 session listed",
				() -> "1".equals(this.browser.element("sessions-list").getDomAttribute("data-count")));

		// Password change, logout, login with the new password, logout everywhere.
		this.browser.type("password-old", PASSWORD);
		this.browser.type("password-new1", NEW_PASSWORD);
		this.browser.type("password-new2", NEW_PASSWORD);
		this.browser.click("password-submit");
		this.browser.waitForText("password-status", "New password has been saved.");
		this.browser.click("logout");
		this.browser.waitForState("signed-out");
		assertThat(this.browser.allCookies()).doesNotContainKeys("access", "refresh");
		logInThroughPage(username, NEW_PASSWORD);
		assertThat(this.browser.allCookies()).containsKeys("access", "refresh");
		this.browser.click("logout-all");
		this.browser.waitForState("signed-out");
		assertThat(this.browser.allCookies()).doesNotContainKeys("access", "refresh");

		List<ExchangeRecorder.Exchange> api = this.recorder.api();
		assertThat(api).extracting((exchange) -> exchange.method() + " " + exchange.path() + " " + exchange.status())
			.contains("POST /api/auth/signup/ 400", "POST /api/auth/signup/ 201", "GET /api/auth/user/ 200",
					"PATCH /api/auth/user/ 200", "POST /api/token/refresh/ 200", "GET /api/auth/sessions/ 200",
					"POST /api/auth/password/change/ 200", "POST /api/auth/logout/ 200", "POST /api/token/ 200",
					"POST /api/auth/logout-all/ 200")
			.anyMatch((request) -> request.startsWith("DELETE /api/auth/sessions/") && request.endsWith(" 204"));
		// The tokens did travel, in Set-Cookie headers only.
		assertThat(api).filteredOn((exchange) -> exchange.path().equals("/api/token/"))
			.allSatisfy((exchange) -> assertThat(exchange.setCookies()).anyMatch((cookie) -> JWT.matcher(cookie).find()));
		assertThat(this.recorder.api()).allSatisfy((exchange) -> assertThat(JWT.matcher(exchange.body()).find())
			.as("a JWT in the body of %s", exchange)
			.isFalse());
		assertThat(api.stream().filter((exchange) -> exchange.path().equals("/api/auth/signup/") && exchange.status() == 201))
			.singleElement()
			.satisfies((exchange) -> assertThat(exchange.body()).doesNotContain("\"token\""));

		// Nor can page script find one anywhere.
		Map<?, ?> visible = (Map<?, ?>) this.browser.js("return {cookie: document.cookie,"
				+ " local: JSON.stringify(Object.assign({}, localStorage)),"
				+ " session: JSON.stringify(Object.assign({}, sessionStorage)),"
				+ " html: document.documentElement.outerHTML};");
		assertThat(visible.values()).allSatisfy((text) -> assertThat(JWT.matcher(String.valueOf(text)).find()).isFalse());
	}

}
