package dev.latchkey.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import dev.latchkey.mfa.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP second factors over real HTTP, once per database: enrol, confirm, a login that needs the
 * code, wrong codes locking the account as wrong passwords do, a replayed code refused, a
 * recovery code working once, and disabling. Codes are computed from the enrolment's secret with
 * the current time, each for a later time step than the one before (the server accepts a step
 * once), within the ±1 step window.
 */
abstract class AbstractMfaIntegrationTests {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	HttpApi api() {
		return new HttpApi(this.port);
	}

	@Test
	void enrolThenLoginNeedsCodeThenReplayRefusedThenRecoveryCodeOnceThenDisable() {
		String username = "mfa_" + UUID.randomUUID().toString().substring(0, 8);
		String access = api().signUp(username, PASSWORD).json().get("token").get("access").asString();
		assertThat(claims(access).get("amr").toString()).isEqualTo("[\"pwd\"]");

		HttpApi.Response enrolled = send("POST", "/api/auth/mfa/totp/", access, null);
		assertThat(enrolled.status()).isEqualTo(201);
		String secret = enrolled.json().get("secret").asString();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(enrolled.json().get("otpauth_url").asString())
			.isEqualTo("otpauth://totp/Latchkey:" + username + "?secret=" + secret
					+ "&issuer=Latchkey&algorithm=SHA1&digits=6&period=30");
		assertThat(enrolled.json().get("qr_svg").asString()).startsWith("<svg").endsWith("</svg>");
		// Encrypted at rest: the secret is nowhere in the table.
		String stored = JdbcClient.create(this.dataSource)
			.sql("SELECT secret FROM latchkey_totp t JOIN latchkey_user u ON u.id = t.user_id WHERE u.username = :u")
			.param("u", username)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("v1:").doesNotContain(secret);
		// Not on until confirmed: the password alone still logs in.
		assertThat(api().login(username, PASSWORD).json().has("access")).isTrue();

		Codes codes = new Codes(secret);
		HttpApi.Response wrongConfirm = send("POST", "/api/auth/mfa/totp/confirm/", access, Map.of("code", "000000x"));
		assertThat(wrongConfirm.status()).isEqualTo(400);
		assertThat(wrongConfirm.json().get("code").get(0).asString()).isEqualTo("Invalid code.");
		HttpApi.Response confirmed = send("POST", "/api/auth/mfa/totp/confirm/", access, Map.of("code", codes.next()));
		assertThat(confirmed.status()).isEqualTo(200);
		List<String> recovery = new ArrayList<>();
		confirmed.json().get("recovery_codes").forEach((code) -> recovery.add(code.asString()));
		assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch((c) -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
		assertThat(send("POST", "/api/auth/mfa/totp/", access, null).status()).isEqualTo(400);

		// The password alone is no longer enough, on either login route.
		HttpApi.Response first = api().login(username, PASSWORD);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("mfa_required").asBoolean()).isTrue();
		assertThat(first.json().has("access")).isFalse();
		assertThat(first.headers("Set-Cookie")).noneMatch((c) -> c.startsWith("access=") || c.startsWith("refresh="));
		String mfaToken = first.json().get("mfa_token").asString();
		assertThat(api().get("/api/auth/user/", mfaToken).status()).isEqualTo(401);
		HttpApi.Response restAuth = api().postJson("/api/auth/login/", Map.of("username", username, "password", PASSWORD));
		assertThat(restAuth.json().get("mfa_required").asBoolean()).isTrue();
		assertThat(restAuth.json().has("user")).isFalse();
		assertThat(api().postJson("/api/token/sliding/", Map.of("username", username, "password", PASSWORD)).status())
			.isEqualTo(400);

		String code = codes.next();
		HttpApi.Response verified = api().postJson("/api/auth/mfa/verify/", Map.of("mfa_token", mfaToken, "code", code));
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.headers("Set-Cookie")).anyMatch((c) -> c.startsWith("access="))
			.anyMatch((c) -> c.startsWith("refresh="));
		String mfaAccess = verified.json().get("access").asString();
		assertThat(claims(mfaAccess).get("amr").toString()).isEqualTo("[\"pwd\",\"otp\"]");
		assertThat(api().get("/api/auth/user/", mfaAccess).json().get("username").asString()).isEqualTo(username);
		JsonNode status = api().get("/api/auth/mfa/", mfaAccess).json();
		assertThat(status.get("totp").asBoolean()).isTrue();
		assertThat(status.get("recovery_codes_remaining").asInt()).isEqualTo(10);
		// The token was single use (it is looked at before any code).
		assertThat(api().postJson("/api/auth/mfa/verify/", Map.of("mfa_token", mfaToken, "code", "123456")).json()
			.get("mfa_token").get(0).asString()).isEqualTo("Invalid or expired token.");
		// Refresh keeps how the session was authenticated.
		HttpApi.Response refreshed = api().postJson("/api/token/refresh/",
				Map.of("refresh", verified.json().get("refresh").asString()));
		assertThat(claims(refreshed.json().get("access").asString()).get("amr").toString()).isEqualTo("[\"pwd\",\"otp\"]");

		// The same code again, in a new login: a replay, refused.
		String second = api().login(username, PASSWORD).json().get("mfa_token").asString();
		HttpApi.Response replayed = api().postJson("/api/auth/mfa/verify/", Map.of("mfa_token", second, "code", code));
		assertThat(replayed.status()).isEqualTo(400);
		assertThat(replayed.json().get("code").get(0).asString()).isEqualTo("Invalid code.");

		// A recovery code, in any case and spacing, works once.
		HttpApi.Response recovered = api().postJson("/api/auth/mfa/verify/",
				Map.of("mfa_token", second, "code", recovery.get(3).toUpperCase().replace("-", " ")));
		assertThat(recovered.status()).isEqualTo(200);
		assertThat(claims(recovered.json().get("access").asString()).get("amr").toString()).isEqualTo("[\"pwd\",\"otp\"]");
		String third = api().login(username, PASSWORD).json().get("mfa_token").asString();
		assertThat(api().postJson("/api/auth/mfa/verify/", Map.of("mfa_token", third, "code", recovery.get(3))).status())
			.isEqualTo(400);
		assertThat(api().get("/api/auth/mfa/", mfaAccess).json().get("recovery_codes_remaining").asInt()).isEqualTo(9);

		// New recovery codes need the password or a code; the old ones stop working.
		assertThat(send("POST", "/api/auth/mfa/recovery-codes/", mfaAccess, Map.of()).status()).isEqualTo(400);
		HttpApi.Response regenerated = send("POST", "/api/auth/mfa/recovery-codes/", mfaAccess, Map.of("password", PASSWORD));
		assertThat(regenerated.status()).isEqualTo(200);
		assertThat(regenerated.json().get("recovery_codes").size()).isEqualTo(10);
		assertThat(api().postJson("/api/auth/mfa/verify/", Map.of("mfa_token", third, "code", recovery.get(4))).status())
			.isEqualTo(400);

		// Disable: a wrong password is refused, a code turns it off.
		HttpApi.Response wrongPassword = send("DELETE", "/api/auth/mfa/totp/", mfaAccess, Map.of("password", "nope-nope"));
		assertThat(wrongPassword.status()).isEqualTo(400);
		assertThat(wrongPassword.json().get("password").get(0).asString()).isEqualTo("Wrong password.");
		assertThat(send("DELETE", "/api/auth/mfa/totp/", mfaAccess, Map.of("code", codes.next())).status()).isEqualTo(200);
		HttpApi.Response plain = api().login(username, PASSWORD);
		assertThat(plain.json().has("mfa_required")).isFalse();
		assertThat(claims(plain.json().get("access").asString()).get("amr").toString()).isEqualTo("[\"pwd\"]");
	}

	@Test
	void wrongCodesLockTheAccountAsWrongPasswordsDo() {
		String username = "mfalock_" + UUID.randomUUID().toString().substring(0, 8);
		String access = api().signUp(username, PASSWORD).json().get("token").get("access").asString();
		Codes codes = new Codes(send("POST", "/api/auth/mfa/totp/", access, null).json().get("secret").asString());
		assertThat(send("POST", "/api/auth/mfa/totp/confirm/", access, Map.of("code", codes.next())).status()).isEqualTo(200);
		String mfaToken = api().login(username, PASSWORD).json().get("mfa_token").asString();

		int wrong = 0;
		HttpApi.Response response;
		do {
			response = api().postJson("/api/auth/mfa/verify/", Map.of("mfa_token", mfaToken, "code", "000000"));
			wrong++;
		}
		while (response.status() == 400 && wrong < 10);

		// The username threshold is 5: the password's attempt and wrong codes count alike.
		assertThat(response.status()).isEqualTo(429);
		assertThat(wrong).isBetween(4, 6);
		assertThat(response.json().get("detail").asString()).startsWith("Request was throttled.");
		// Locked for passwords too, and for the right code.
		assertThat(api().login(username, PASSWORD).status()).isEqualTo(429);
		assertThat(api().postJson("/api/auth/mfa/verify/", Map.of("mfa_token", mfaToken, "code", codes.next())).status())
			.isEqualTo(429);
	}

	@Test
	void malformedSecondStepsAreClientErrors() {
		assertThat(api().postJson("/api/auth/mfa/verify/", Map.of()).json().get("mfa_token").get(0).asString())
			.isEqualTo("This field is required.");
		assertThat(api().postJson("/api/auth/mfa/verify/", Map.of("mfa_token", "x", "code", "123456")).status())
			.isEqualTo(400);
		assertThat(api().postJson("/api/auth/mfa/verify/", Map.of("mfa_token", List.of(1), "code", Map.of())).status())
			.isEqualTo(400);
		assertThat(api().send("POST", "/api/auth/mfa/totp/", Map.of(), null).status()).isEqualTo(401);
	}

	/** A key URI too long for a QR code (150 CJK letters, percent-encoded) still enrols: 201 without the QR. */
	@Test
	void enrolWhenKeyUriTooLongForQrCodeThenCreatedWithoutIt() {
		String username = "\u6f22".repeat(140) + UUID.randomUUID().toString().substring(0, 8);
		HttpApi.Response signedUp = api().signUp(username, PASSWORD);
		assertThat(signedUp.status()).isEqualTo(201);
		String access = signedUp.json().get("token").get("access").asString();

		HttpApi.Response enrolled = send("POST", "/api/auth/mfa/totp/", access, null);

		assertThat(enrolled.status()).isEqualTo(201);
		assertThat(enrolled.json().get("otpauth_url").asString()).contains("%E6%BC%A2");
		assertThat(enrolled.json().get("qr_svg").isNull()).isTrue();
	}

	@Test
	void passkeyEndpointsRefuseBadInputWithClientErrors() {
		String username = "pk_" + UUID.randomUUID().toString().substring(0, 8);
		String access = api().signUp(username, PASSWORD).json().get("token").get("access").asString();

		assertThat(api().send("POST", "/api/auth/passkeys/registration/options/", Map.of(), null).status()).isEqualTo(401);
		HttpApi.Response options = send("POST", "/api/auth/passkeys/registration/options/", access, null);
		assertThat(options.status()).isEqualTo(200);
		assertThat(options.json().get("rp").get("id").asString()).isEqualTo("localhost");
		assertThat(options.json().get("user").get("name").asString()).isEqualTo(username);
		assertThat(options.json().get("authenticatorSelection").get("residentKey").asString()).isEqualTo("required");
		assertThat(options.json().get("challenge").asString()).matches("[\\w-]{40,}");

		HttpApi.Response missing = send("POST", "/api/auth/passkeys/registration/", access, Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("credential").get(0).asString()).isEqualTo("This field is required.");
		assertThat(send("POST", "/api/auth/passkeys/registration/", access, Map.of("credential", "x")).status())
			.isEqualTo(400);
		assertThat(send("POST", "/api/auth/passkeys/registration/", access,
				Map.of("credential", Map.of("id", 1, "response", List.of()))).status()).isEqualTo(400);
		// A well-formed credential whose challenge was never handed out.
		String clientData = Base64.getUrlEncoder().withoutPadding().encodeToString(
				"{\"type\":\"webauthn.get\",\"challenge\":\"bm9wZQ\",\"origin\":\"http://localhost:8000\"}"
					.getBytes(StandardCharsets.UTF_8));
		Map<String, Object> assertion = Map.of("id", "AQID", "rawId", "AQID", "type", "public-key",
				"clientExtensionResults", Map.of(), "response",
				Map.of("clientDataJSON", clientData, "authenticatorData", "AQID", "signature", "AQID"));
		HttpApi.Response unknown = api().postJson("/api/auth/passkeys/login/", Map.of("credential", assertion));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("non_field_errors").get(0).asString()).isEqualTo("The passkey could not be verified.");
		// A real challenge, answered with a credential no one registered.
		String challenge = api().postJson("/api/auth/passkeys/login/options/", Map.of()).json().get("challenge").asString();
		String realClientData = Base64.getUrlEncoder().withoutPadding().encodeToString(
				("{\"type\":\"webauthn.get\",\"challenge\":\"" + challenge + "\",\"origin\":\"http://localhost:8000\"}")
					.getBytes(StandardCharsets.UTF_8));
		Map<String, Object> stranger = Map.of("id", "AQID", "rawId", "AQID", "type", "public-key",
				"clientExtensionResults", Map.of(), "response",
				Map.of("clientDataJSON", realClientData, "authenticatorData", "AQID", "signature", "AQID"));
		assertThat(api().postJson("/api/auth/passkeys/login/", Map.of("credential", stranger)).status()).isEqualTo(400);
		// Each challenge is answered once.
		assertThat(api().postJson("/api/auth/passkeys/login/", Map.of("credential", stranger)).json()
			.get("non_field_errors").get(0).asString()).isEqualTo("The passkey could not be verified.");

		assertThat(api().get("/api/auth/passkeys/", access).json().size()).isZero();
		HttpApi.Response notFound = send("DELETE", "/api/auth/passkeys/nope/", access, null);
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.json().get("detail").asString()).isEqualTo("Not found.");
	}

	HttpApi.Response send(String method, String path, String access, Object body) {
		Map<String, String> headers = new java.util.HashMap<>(Map.of("Authorization", "Bearer " + access));
		byte[] bytes = null;
		if (body != null) {
			headers.put("Content-Type", "application/json");
			bytes = HttpApi.JSON.writeValueAsBytes(body);
		}
		return api().send(method, path, headers, bytes);
	}

	static JsonNode claims(String jwt) {
		return HttpApi.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
	}

	/** Codes of a secret, each for a later time step than the last, within the server's window. */
	static final class Codes {

		private final byte[] secret;

		private long lastStep = Long.MIN_VALUE;

		Codes(String base32) {
			this.secret = new Base32().decode(base32.getBytes(StandardCharsets.US_ASCII));
		}

		String next() {
			long current = Totp.step(Instant.now());
			long step = Math.max(this.lastStep + 1, current - 1);
			assertThat(step).as("a fresh time step within the window").isLessThanOrEqualTo(current + 1);
			this.lastStep = step;
			return new Totp().code(this.secret, step);
		}

	}

}
