package dev.latchkey.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.Failure;
import dev.latchkey.web.ApiPaths;
import dev.latchkey.web.JwksController;

import static dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.ref;

/**
 * Describes Latchkey's endpoints in the application's OpenAPI document, under the configured
 * API prefix, each at its canonical path with the trailing slash (the same path without it
 * works too). Whatever springdoc inferred from the controllers is replaced: they read their
 * bodies by hand, as DRF does, so their signatures tell nothing of the shapes.
 */
final class LatchkeyOpenApiCustomizer implements OpenApiCustomizer {

	static final String TOKENS = "Latchkey: tokens";

	static final String ACCOUNT = "Latchkey: account";

	static final String SESSIONS = "Latchkey: sessions";

	private static final String LOGGED_OUT = "{\"detail\": \"Successfully logged out.\"}; the token cookies are deleted";

	private static final String FROM_COOKIE = " The refresh token is read from the body, else from the refresh cookie"
			+ " (then the CSRF header is required).";

	private final LatchkeyProperties properties;

	private final boolean mfa;

	private final boolean passkeys;

	LatchkeyOpenApiCustomizer(LatchkeyProperties properties) {
		this(properties, false, false);
	}

	/**
	 * @param mfa whether the TOTP endpoints are served ({@code latchkey.mfa.enabled})
	 * @param passkeys whether the passkey endpoints are served ({@code latchkey.passkeys.enabled})
	 */
	LatchkeyOpenApiCustomizer(LatchkeyProperties properties, boolean mfa, boolean passkeys) {
		this.properties = properties;
		this.mfa = mfa;
		this.passkeys = passkeys;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.components(new Components());
		}
		LatchkeyOpenApiComponents.addTo(openApi.getComponents(), this.properties);
		if (this.mfa || this.passkeys) {
			LatchkeyOpenApiSecondFactors.addSchemas(openApi.getComponents());
		}
		Paths inferred = (openApi.getPaths() != null) ? openApi.getPaths() : new Paths();
		Paths paths = new Paths();
		endpoints().forEach((path, item) -> {
			// Documented as DRF spells it, with the trailing slash; both spellings are served.
			List<String> spellings = ApiPaths.spellings(this.properties.web().apiPrefix(), List.of(path));
			spellings.forEach(inferred::remove);
			paths.addPathItem(spellings.get(1), item);
		});
		// Spring Boot's error path is where failures are rendered, not an endpoint to call.
		inferred.remove("/error");
		// The user administration is for superusers, not part of the public contract (the README's endpoint table).
		inferred.keySet().removeIf((path) -> path.startsWith(this.properties.web().apiPrefix() + ApiPaths.ADMIN_USERS));
		inferred.remove(JwksController.PATH);
		paths.addPathItem(JwksController.PATH, new PathItem().get(LatchkeyOpenApiOperation
			.of(TOKENS, "jwks", "The public keys that verify Latchkey's tokens, as a JWK Set (RFC 7517); empty"
					+ " for HMAC keys, which are secret")
			.open()
			.answers("200", "The JWK Set", "LatchkeyJwkSet")
			.build()));
		inferred.forEach(paths::addPathItem);
		openApi.paths(paths);
		openApi.addTagsItem(new Tag().name(TOKENS).description("SimpleJWT's token views"));
		openApi.addTagsItem(new Tag().name(ACCOUNT).description("dj-rest-auth's sign-up, user and password views"));
		openApi.addTagsItem(new Tag().name(SESSIONS).description("The user's sessions "));
		LatchkeyOpenApiSecondFactors.tags(this.mfa, this.passkeys).forEach(openApi::addTagsItem);
	}

	/** Each endpoint's operation, keyed by its {@link ApiPaths} path. */
	private Map<String, PathItem> endpoints() {
		Map<String, PathItem> endpoints = new LinkedHashMap<>();
		endpoints.put(ApiPaths.SIGN_UP, new PathItem().post(LatchkeyOpenApiOperation
			.of(ACCOUNT, "signUp", "Create an account and start a session")
			.open()
			.body("LatchkeySignUpRequest")
			.answers("201", "The user and a token pair", "LatchkeySignUpResponse")
			.setsCookies(tokenCookies())
			.fails(Failure.THROTTLED, Failure.HASHING_BUSY)
			.build()));
		endpoints.put(ApiPaths.TOKEN, new PathItem().post(login("obtainTokenPair", "Log in for a token pair",
				this.mfa ? "A new session's token pair; for an account with a second factor, {\"mfa_required\": true,"
						+ " \"mfa_token\"} (LatchkeyMfaRequired) and no cookies: POST /api/auth/mfa/verify/ completes it"
						: "A new session's token pair",
				"LatchkeyTokenPair").setsCookies(tokenCookies()).build()));
		endpoints.put(ApiPaths.REFRESH, new PathItem().post(LatchkeyOpenApiOperation
			.of(TOKENS, "refreshToken", "Exchange a refresh token, rotating it; a rotated-out token presented again"
					+ " after the grace period revokes its whole session." + FROM_COOKIE)
			.refreshCookie()
			.body("LatchkeyRefreshRequest")
			.answers("200", "A new access token, and the rotated refresh token", "LatchkeyRefreshResponse")
			.setsCookies(tokenCookies())
			.fails(Failure.INVALID_TOKEN)
			.build()));
		endpoints.put(ApiPaths.VERIFY, new PathItem().post(LatchkeyOpenApiOperation
			.of(TOKENS, "verifyToken", "Check a token's signature, expiry and type; a revoked one gets 400"
					+ " {\"non_field_errors\": [\"Token is blacklisted\"]}")
			.open()
			.body("LatchkeyTokenRequest")
			.answers("200", "The token is valid", "LatchkeyEmpty")
			.fails(Failure.INVALID_TOKEN)
			.build()));
		endpoints.put(ApiPaths.BLACKLIST, new PathItem().post(LatchkeyOpenApiOperation
			.of(TOKENS, "blacklistToken", "Revoke a refresh token and end its session." + FROM_COOKIE)
			.refreshCookie()
			.body("LatchkeyRefreshRequest")
			.answers("200", "Revoked", "LatchkeyEmpty")
			.fails(Failure.INVALID_TOKEN)
			.build()));
		endpoints.put(ApiPaths.SLIDING, new PathItem().post(login("obtainSlidingToken", "Log in for a sliding token",
				"A sliding token", "LatchkeySlidingToken").build()));
		endpoints.put(ApiPaths.SLIDING_REFRESH, new PathItem().post(LatchkeyOpenApiOperation
			.of(TOKENS, "refreshSlidingToken", "Renew a sliding token before its refresh_exp")
			.open()
			.body("LatchkeyTokenRequest")
			.answers("200", "The renewed sliding token", "LatchkeySlidingToken")
			.fails(Failure.INVALID_TOKEN)
			.build()));
		endpoints.put(ApiPaths.USER, new PathItem()
			.get(LatchkeyOpenApiOperation.of(ACCOUNT, "getCurrentUser", "The signed-in user")
				.signedIn(false)
				.answers("200", "The user", "LatchkeyUser")
				.build())
			.put(updateUser("updateCurrentUser", "Change the name and the e-mail address"))
			.patch(updateUser("patchCurrentUser", "Change the name or the e-mail address")));
		endpoints.put(ApiPaths.LOGOUT, new PathItem().post(LatchkeyOpenApiOperation
			.of(ACCOUNT, "logout", "End the refresh token's session and delete the token cookies." + FROM_COOKIE)
			.refreshCookie()
			.body("LatchkeyRefreshRequest")
			.answers("200", LOGGED_OUT, "LatchkeyDetail")
			.fails(Failure.INVALID_TOKEN)
			.build()));
		endpoints.put(ApiPaths.LOGOUT_ALL, new PathItem().post(LatchkeyOpenApiOperation
			.of(SESSIONS, "logoutEverywhere", "End every session of the user and delete the token cookies")
			.signedIn(true)
			.answers("200", LOGGED_OUT, "LatchkeyDetail")
			.build()));
		endpoints.put(ApiPaths.SESSIONS, new PathItem().get(LatchkeyOpenApiOperation
			.of(SESSIONS, "listSessions", "The user's live sessions, oldest first: at most latchkey.sessions.maximum-per-user "
					+ "(100 by default), since a new session ends the oldest beyond it")
			.signedIn(false)
			.answers("200", "The sessions; current marks the one of this access token",
					new ArraySchema().items(ref("LatchkeySession")))
			.build()));
		endpoints.put(ApiPaths.SESSION, new PathItem()
			.addParametersItem(new PathParameter().name("id").description("A session's id").schema(new StringSchema()))
			.delete(LatchkeyOpenApiOperation
				.of(SESSIONS, "revokeSession", "Revoke one session: its tokens stop working within a second")
				.signedIn(true)
				.answers("204", "Revoked", (Schema<?>) null)
				.fails(Failure.NOT_FOUND)
				.build()));
		endpoints.put(ApiPaths.PASSWORD_CHANGE, new PathItem().post(LatchkeyOpenApiOperation
			.of(ACCOUNT, "changePassword", "Change the password (Django's validators) and end every other session")
			.signedIn(true)
			.body("LatchkeyPasswordChangeRequest")
			.answers("200", "{\"detail\": \"New password has been saved.\"}", "LatchkeyDetail")
			.fails(Failure.HASHING_BUSY)
			.build()));
		endpoints.put(ApiPaths.CSRF, new PathItem().get(LatchkeyOpenApiOperation
			.of(ACCOUNT, "csrfCookie", "Set the readable CSRF cookie that cookie-authenticated requests echo")
			.open()
			.answers("200", "{\"detail\": \"CSRF cookie set.\"}", "LatchkeyDetail")
			.setsCookies("The `" + this.properties.cookies().csrfName() + "` cookie")
			.build()));
		if (this.mfa) {
			LatchkeyOpenApiSecondFactors.addMfa(endpoints, tokenCookies());
		}
		if (this.passkeys) {
			LatchkeyOpenApiSecondFactors.addPasskeys(endpoints, tokenCookies());
		}
		return endpoints;
	}

	private static LatchkeyOpenApiOperation login(String id, String summary, String answer, String schema) {
		return LatchkeyOpenApiOperation.of(TOKENS, id, summary)
			.open()
			.body("LatchkeyLoginRequest")
			.answers("200", answer, schema)
			.fails(Failure.BAD_CREDENTIALS, Failure.THROTTLED, Failure.HASHING_BUSY);
	}

	private static Operation updateUser(String id, String summary) {
		return LatchkeyOpenApiOperation.of(ACCOUNT, id, summary)
			.signedIn(true)
			.body("LatchkeyUserUpdate")
			.answers("200", "The updated user", "LatchkeyUser")
			.build();
	}

	private String tokenCookies() {
		LatchkeyProperties.Cookies cookies = this.properties.cookies();
		return "The HttpOnly `" + cookies.accessName() + "` and `" + cookies.refreshName() + "` cookies (unless"
				+ " latchkey.web.token-delivery=body) and the readable `" + cookies.csrfName() + "` cookie";
	}

}
