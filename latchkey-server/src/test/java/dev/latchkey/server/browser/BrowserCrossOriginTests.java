package dev.latchkey.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Forged requests: a page on another origin auto-submits a form to the API while the user is
 * signed in. Nothing may change.
 * <ul>
 * <li>From {@code http://127.0.0.1:<other port>} (another <em>site</em>): the {@code SameSite=Lax}
 * token cookies are not sent with a cross-site POST, so the server sees no credentials.</li>
 * <li>From {@code http://localhost:<other port>} (another <em>origin</em> of the same site, as a
 * sibling app on the same host would be): the cookies are sent, and only the CSRF double-submit
 * check (no {@code X-CSRFToken} header) stops the request.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=browser-test-signing-key-0123456789abcdef0123" })
@Import(BrowserTestConfiguration.class)
class BrowserCrossOriginTests extends AbstractBrowserTests {

	private static final String HIJACKED = "Hijacked-Passw0rd!";

	private HttpServer attacker;

	@BeforeEach
	void startAttackerSite() throws IOException {
		this.attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.attacker.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			byte[] page = switch (path) {
				case "/logout-all.html" -> autoSubmit("/api/auth/logout-all/", Map.of("confirm", "yes"));
				case "/password.html" -> autoSubmit("/api/auth/password/change/",
						Map.of("old_password", PASSWORD, "new_password1", HIJACKED, "new_password2", HIJACKED));
				case "/profile.html" -> autoSubmit("/api/auth/user/?_method=PATCH", Map.of("name", "Mallory"));
				default -> null;
			};
			if (page == null) {
				exchange.sendResponseHeaders(404, -1);
			}
			else {
				exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders(200, page.length);
				exchange.getResponseBody().write(page);
			}
			exchange.close();
		});
		this.attacker.start();
	}

	@AfterEach
	void stopAttackerSite() {
		this.attacker.stop(0);
	}

	@Test
	void formsPostedFromAnotherSiteChangeNothing() {
		String attackerOrigin = "http://127.0.0.1:" + this.attacker.getAddress().getPort();
		String username = uniqueUsername();
		signUpThroughPage(username, "Victim");

		String logoutAll = attack(attackerOrigin + "/logout-all.html", "/api/auth/logout-all/");
		String password = attack(attackerOrigin + "/password.html", "/api/auth/password/change/");

		// SameSite=Lax: no token cookie went with the cross-site POSTs.
		assertThat(logoutAll).contains("Authentication credentials were not provided.");
		assertThat(password).contains("Authentication credentials were not provided.");
		assertUnchanged(username, "Victim");
	}

	@Test
	void formsPostedFromAnotherOriginOfTheSameSiteAreRefusedByTheCsrfCheck() {
		String attackerOrigin = "http://localhost:" + this.attacker.getAddress().getPort();
		String username = uniqueUsername();
		signUpThroughPage(username, "Victim");

		String logoutAll = attack(attackerOrigin + "/logout-all.html", "/api/auth/logout-all/");
		String password = attack(attackerOrigin + "/password.html", "/api/auth/password/change/");
		String profile = attack(attackerOrigin + "/profile.html", "/api/auth/user/");

		// Same site: the cookies were sent, so only the missing X-CSRFToken header stops these.
		assertThat(this.recorder.api()).filteredOn((exchange) -> attackerOrigin.equals(exchange.origin()))
			.extracting(ExchangeRecorder.Exchange::path, ExchangeRecorder.Exchange::status)
			.contains(tuple("/api/auth/logout-all/", 403), tuple("/api/auth/password/change/", 403));
		assertThat(logoutAll).contains("CSRF Failed: CSRF token missing.");
		assertThat(password).contains("CSRF Failed: CSRF token missing.");
		assertThat(profile).contains("\"detail\"").doesNotContain("Mallory");
		assertUnchanged(username, "Victim");
	}

	/** Opens the attacker's page, waits for its form to land on the API, and answers what the API said. */
	private String attack(String attackerPage, String apiPath) {
		this.browser.open(attackerPage);
		this.browser.waitUntil("the forged POST to " + apiPath,
				() -> this.browser.driver.getCurrentUrl().startsWith(baseUrl() + apiPath));
		String answer = this.browser.pageText();
		assertThat(answer).doesNotContain("Successfully logged out.", "New password has been saved.");
		return answer;
	}

	/** The victim is still signed in, with the same password, sessions and profile. */
	private void assertUnchanged(String username, String name) {
		assertThat(this.browser.allCookies()).containsKeys("access", "refresh");
		this.browser.openPage(baseUrl());
		assertThat(this.browser.state()).isEqualTo("signed-in");
		assertThat(this.browser.text("current-username")).isEqualTo(username);
		assertThat(this.browser.value("profile-name")).isEqualTo(name);
		assertThat(listedSessions()).isEqualTo(1);
		assertThat(javaClient().loginStatus(username, PASSWORD)).isEqualTo(200);
		assertThat(javaClient().loginStatus(username, HIJACKED)).isEqualTo(401);
	}

	private byte[] autoSubmit(String apiPath, Map<String, String> fields) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><title>You won!</title><form id=\"f\" method=\"POST\" action=\"")
			.append(baseUrl())
			.append(apiPath)
			.append("\">");
		fields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"")
			.append(name)
			.append("\" value=\"")
			.append(value)
			.append("\">"));
		html.append("</form><script>document.getElementById('f').submit();</script>");
		return html.toString().getBytes(StandardCharsets.UTF_8);
	}

}
