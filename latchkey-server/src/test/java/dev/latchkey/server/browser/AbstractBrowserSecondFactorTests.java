package dev.latchkey.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.latchkey.mfa.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page's second factors in a real Chromium: a passkey registered with WebDriver's
 * virtual authenticator (CTAP2, resident key, user verification), signing out, signing in with
 * the passkey alone and calling the user API with the resulting session; and TOTP enrolment (the
 * QR code shown) followed by a login that asks for the code. The server listens on a port chosen
 * before start-up, because the relying party's allowed origin must name it. Run once per database.
 */
abstract class AbstractBrowserSecondFactorTests extends AbstractBrowserTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The server's port, chosen before start-up, and the passkeys' allowed origin that names it. */
	static void listenOn(DynamicPropertyRegistry registry, int port) {
		registry.add("server.port", () -> port);
		registry.add("latchkey.passkeys.allowed-origins", () -> "http://localhost:" + port);
	}

	@Test
	void registerPasskeyOnTheDemoPageSignOutSignInWithItAndCallTheUserApi() {
		VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) this.browser.driver)
			.addVirtualAuthenticator(new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
				.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
				.setHasResidentKey(true)
				.setHasUserVerification(true)
				.setIsUserVerified(true)
				.setIsUserConsenting(true));
		String username = uniqueUsername();
		signUpThroughPage(username, "Passkey Person");
		this.browser.waitUntil("the passkeys card", () -> this.browser.visible("passkey-add"));

		this.browser.type("passkey-label", "Laptop");
		this.browser.click("passkey-add");
		this.browser.waitForText("passkey-list", "Laptop");

		assertThat(authenticator.getCredentials()).hasSize(1)
			.allSatisfy((credential) -> assertThat(credential.isResidentCredential()).isTrue());
		this.browser.screenshot("passkey-01-registered");

		this.browser.click("logout");
		this.browser.waitForState("signed-out");
		assertThat(this.browser.allCookies()).doesNotContainKey("access");

		this.browser.click("passkey-login");
		this.browser.waitForState("signed-in");
		this.browser.waitForText("current-username", username);
		this.browser.waitForText("mfa-state", "webauthn");
		this.browser.screenshot("passkey-02-signed-in-with-passkey");

		String access = (String) this.browser.allCookies().get("access").get("value");
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
		assertThat(claims.get("amr").toString()).isEqualTo("[\"webauthn\"]");
		HttpResponse<String> user = javaClient().get("/api/auth/user/", access);
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(user.body()).get("username").asString()).isEqualTo(username);
		assertThat(this.recorder.api()).anyMatch((exchange) -> exchange.method().equals("POST")
				&& exchange.path().startsWith("/api/auth/passkeys/login"));
	}

	@Test
	void enrolTotpOnTheDemoPageThenSignInAsksForTheCode() {
		String username = uniqueUsername();
		signUpThroughPage(username, "Totp Person");
		this.browser.waitUntil("the two-factor card", () -> this.browser.visible("mfa-enrol"));

		this.browser.click("mfa-enrol");
		this.browser.waitUntil("the QR code", () -> this.browser.visible("mfa-setup")
				&& Boolean.TRUE.equals(this.browser.js("return document.querySelector('#mfa-qr svg path') !== null;")));
		String secret = this.browser.text("mfa-secret");
		this.browser.screenshot("totp-01-qr");
		byte[] key = new Base32().decode(secret.getBytes(StandardCharsets.US_ASCII));
		long step = Totp.step(Instant.now()) - 1;
		this.browser.type("mfa-confirm-code", new Totp().code(key, step));
		this.browser.click("mfa-confirm");
		this.browser.waitUntil("the recovery codes", () -> this.browser.visible("mfa-recovery"));
		assertThat(this.browser.element("mfa-recovery-codes").findElements(org.openqa.selenium.By.tagName("li"))).hasSize(10);

		this.browser.click("logout");
		this.browser.waitForState("signed-out");
		this.browser.type("login-username", username);
		this.browser.type("login-password", PASSWORD);
		this.browser.click("login-submit");
		this.browser.waitUntil("the code form", () -> this.browser.visible("mfa-form"));
		assertThat(this.browser.state()).isEqualTo("signed-out");
		this.browser.type("mfa-code", new Totp().code(key, Math.max(step + 1, Totp.step(Instant.now()) - 1)));
		this.browser.click("mfa-submit");
		this.browser.waitForState("signed-in");
		this.browser.waitForText("mfa-state", "pwd + otp");
		this.browser.screenshot("totp-02-signed-in-with-code");
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
