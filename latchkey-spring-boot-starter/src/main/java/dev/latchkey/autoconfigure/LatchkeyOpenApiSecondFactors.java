package dev.latchkey.autoconfigure;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.tags.Tag;

import dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.Failure;

import static dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.object;
import static dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.ref;
import static dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.string;

import dev.latchkey.web.ApiPaths;

/**
 * The second-factor endpoints in the OpenAPI document: TOTP and recovery codes when
 * {@code latchkey.mfa.enabled}, passkeys when {@code latchkey.passkeys.enabled}.
 */
final class LatchkeyOpenApiSecondFactors {

	static final String MFA = "Latchkey: second factors";

	static final String PASSKEYS = "Latchkey: passkeys";

	private static final String CODE = "123456";

	private LatchkeyOpenApiSecondFactors() {
	}

	static void addSchemas(Components components) {
		components.addSchemas("LatchkeyMfaRequired", object(List.of("mfa_required", "mfa_token"), "mfa_required",
				new BooleanSchema().example(true), "mfa_token",
				string("q3J0...").description("Opaque, short-lived, for POST /api/auth/mfa/verify/ only")));
		components.addSchemas("LatchkeyMfaStatus", object(List.of("totp", "recovery_codes_remaining", "amr"), "totp",
				new BooleanSchema().example(true), "recovery_codes_remaining", new IntegerSchema().example(10), "amr",
				new ArraySchema().items(new StringSchema()).example(List.of("pwd", "otp"))));
		components.addSchemas("LatchkeyTotpEnrolment", object(List.of("secret", "otpauth_url", "qr_svg"), "secret",
				string("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), "otpauth_url",
				string("otpauth://totp/Latchkey:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Latchkey"),
				"qr_svg", string("<svg xmlns=\"http://www.w3.org/2000/svg\" ...</svg>")
					.description("The URI as a QR code (SVG); null when the URI is too long for one")));
		components.addSchemas("LatchkeyCodeRequest", object(List.of("code"), "code",
				string(CODE).description("A TOTP code, or a recovery code where a login is completed")));
		components.addSchemas("LatchkeyPasswordOrCode", object(List.of(), "password",
				string("Str0ng-Passw0rd!").format("password"), "code", string(CODE)));
		components.addSchemas("LatchkeyRecoveryCodes", object(List.of("detail", "recovery_codes"), "detail",
				string("Keep these recovery codes safe."), "recovery_codes",
				new ArraySchema().items(new StringSchema()).example(List.of("abcd-efgh-ijkl-mnop"))));
		components.addSchemas("LatchkeyMfaVerifyRequest", object(List.of("mfa_token", "code"), "mfa_token",
				string("q3J0..."), "code", string(CODE).description("A TOTP code or a recovery code")));
		components.addSchemas("LatchkeyWebAuthnOptions", new ObjectSchema()
			.description("WebAuthn's PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON "
					+ "(binary values base64url)"));
		components.addSchemas("LatchkeyPasskeyRegistration", object(List.of("credential"), "credential",
				new ObjectSchema().description("The JSON form of the PublicKeyCredential navigator.credentials.create made"),
				"label", string("Laptop").maxLength(100)));
		components.addSchemas("LatchkeyPasskeyLogin", object(List.of("credential"), "credential",
				new ObjectSchema().description("The JSON form of the PublicKeyCredential navigator.credentials.get made")));
		components.addSchemas("LatchkeyPasskey", object(List.of("id", "label", "created_at", "last_used_at"), "id",
				string("Ab3...").description("The credential id, base64url"), "label", string("Laptop"), "created_at",
				string("2025-01-02T03:04:05Z").format("date-time"), "last_used_at",
				string("2025-01-02T03:04:05Z").format("date-time")));
	}

	static void addMfa(Map<String, PathItem> endpoints, String tokenCookies) {
		endpoints.put(ApiPaths.MFA, new PathItem().get(LatchkeyOpenApiOperation
			.of(MFA, "secondFactorStatus", "The user's second factors and how this session was authenticated (amr)")
			.signedIn(false)
			.answers("200", "The status", "LatchkeyMfaStatus")
			.build()));
		endpoints.put(ApiPaths.MFA_TOTP, new PathItem()
			.post(LatchkeyOpenApiOperation
				.of(MFA, "enrolTotp", "Start a TOTP enrolment: a new secret, pending until confirmed")
				.signedIn(true)
				.answers("201", "The secret, its otpauth:// URI and that URI as a QR code", "LatchkeyTotpEnrolment")
				.fails(Failure.BAD_REQUEST)
				.build())
			.delete(LatchkeyOpenApiOperation
				.of(MFA, "disableTotp", "Turn TOTP off (recovery codes too), with the password or a code")
				.signedIn(true)
				.body("LatchkeyPasswordOrCode")
				.answers("200", "{\"detail\": \"Two-factor authentication is disabled.\"}", "LatchkeyDetail")
				.fails(Failure.THROTTLED, Failure.HASHING_BUSY)
				.build()));
		endpoints.put(ApiPaths.MFA_TOTP_CONFIRM, new PathItem().post(LatchkeyOpenApiOperation
			.of(MFA, "confirmTotp", "Confirm the pending secret with a first code: TOTP is on")
			.signedIn(true)
			.body("LatchkeyCodeRequest")
			.answers("200", "The 10 recovery codes, shown this once", "LatchkeyRecoveryCodes")
			.fails(Failure.THROTTLED)
			.build()));
		endpoints.put(ApiPaths.MFA_RECOVERY_CODES, new PathItem().post(LatchkeyOpenApiOperation
			.of(MFA, "regenerateRecoveryCodes", "New recovery codes (the old ones stop working), with the password or a code")
			.signedIn(true)
			.body("LatchkeyPasswordOrCode")
			.answers("200", "The 10 new recovery codes, shown this once", "LatchkeyRecoveryCodes")
			.fails(Failure.THROTTLED, Failure.HASHING_BUSY)
			.build()));
		endpoints.put(ApiPaths.MFA_VERIFY, new PathItem().post(LatchkeyOpenApiOperation
			.of(MFA, "verifySecondFactor", "Complete a login that answered mfa_required: the mfa_token and a TOTP or"
					+ " recovery code. Wrong codes count in the login lockout")
			.open()
			.body("LatchkeyMfaVerifyRequest")
			.answers("200", "A new session's token pair (amr [\"pwd\", \"otp\"])", "LatchkeyTokenPair")
			.setsCookies(tokenCookies)
			.fails(Failure.THROTTLED)
			.build()));
	}

	static void addPasskeys(Map<String, PathItem> endpoints, String tokenCookies) {
		endpoints.put(ApiPaths.PASSKEYS, new PathItem().get(LatchkeyOpenApiOperation
			.of(PASSKEYS, "listPasskeys", "The user's passkeys")
			.signedIn(false)
			.answers("200", "The passkeys", new ArraySchema().items(ref("LatchkeyPasskey")))
			.build()));
		endpoints.put(ApiPaths.PASSKEY, new PathItem()
			.addParametersItem(new PathParameter().name("id").description("A passkey's id").schema(new StringSchema()))
			.delete(LatchkeyOpenApiOperation.of(PASSKEYS, "deletePasskey", "Delete one of the user's passkeys")
				.signedIn(true)
				.answers("204", "Deleted", (io.swagger.v3.oas.models.media.Schema<?>) null)
				.fails(Failure.NOT_FOUND)
				.build()));
		endpoints.put(ApiPaths.PASSKEY_REGISTRATION_OPTIONS, new PathItem().post(LatchkeyOpenApiOperation
			.of(PASSKEYS, "passkeyRegistrationOptions", "Options for navigator.credentials.create (a discoverable"
					+ " credential); the challenge is kept server-side for 5 minutes")
			.signedIn(true)
			.answers("200", "PublicKeyCredentialCreationOptionsJSON", "LatchkeyWebAuthnOptions")
			.build()));
		endpoints.put(ApiPaths.PASSKEY_REGISTRATION, new PathItem().post(LatchkeyOpenApiOperation
			.of(PASSKEYS, "registerPasskey", "Register the credential navigator.credentials.create made")
			.signedIn(true)
			.body("LatchkeyPasskeyRegistration")
			.answers("201", "The passkey", "LatchkeyPasskey")
			.build()));
		endpoints.put(ApiPaths.PASSKEY_LOGIN_OPTIONS, new PathItem().post(LatchkeyOpenApiOperation
			.of(PASSKEYS, "passkeyLoginOptions", "Options for navigator.credentials.get, no user named")
			.open()
			.answers("200", "PublicKeyCredentialRequestOptionsJSON", "LatchkeyWebAuthnOptions")
			.build()));
		endpoints.put(ApiPaths.PASSKEY_LOGIN, new PathItem().post(LatchkeyOpenApiOperation
			.of(PASSKEYS, "passkeyLogin", "Sign in with a passkey alone")
			.open()
			.body("LatchkeyPasskeyLogin")
			.answers("200", "A new session's token pair (amr [\"webauthn\"])", "LatchkeyTokenPair")
			.setsCookies(tokenCookies)
			.build()));
	}

	static List<Tag> tags(boolean mfa, boolean passkeys) {
		List<Tag> tags = new java.util.ArrayList<>();
		if (mfa) {
			tags.add(new Tag().name(MFA).description("TOTP second factors, recovery codes, the login's second step"));
		}
		if (passkeys) {
			tags.add(new Tag().name(PASSKEYS).description("Passkeys (WebAuthn): register, list, delete, sign in"));
		}
		return tags;
	}

}
