package dev.latchkey.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The one list of Latchkey's endpoints. Controllers map each path once, without its trailing
 * slash, under the configurable {@code latchkey.web.api-prefix} ({@code /api}); DRF's spelling
 * with the slash reaches the same handler through the trailing-slash filter of the
 * auto-configuration. Security, the error resolver, that filter and the OpenAPI description all
 * read both spellings from here.
 */
public final class ApiPaths {

	static final String PREFIX = "${latchkey.web.api-prefix:/api}";

	public static final String SIGN_UP = "/auth/signup";

	public static final String TOKEN = "/token";

	public static final String USER = "/auth/user";

	public static final String REFRESH = "/token/refresh";

	public static final String VERIFY = "/token/verify";

	public static final String BLACKLIST = "/token/blacklist";

	public static final String LOGOUT = "/auth/logout";

	public static final String LOGOUT_ALL = "/auth/logout-all";

	public static final String SESSIONS = "/auth/sessions";

	public static final String SESSION = SESSIONS + "/{id}";

	public static final String PASSWORD_CHANGE = "/auth/password/change";

	public static final String CSRF = "/auth/csrf";

	public static final String SLIDING = "/token/sliding";

	public static final String SLIDING_REFRESH = "/token/sliding/refresh";

	public static final String PASSWORD_RESET = "/auth/password/reset";

	public static final String PASSWORD_RESET_CONFIRM = "/auth/password/reset/confirm";

	public static final String REST_AUTH_LOGIN = "/auth/login";

	public static final String REGISTRATION = "/auth/registration";

	public static final String VERIFY_EMAIL = "/auth/registration/verify-email";

	public static final String RESEND_EMAIL = "/auth/registration/resend-email";

	public static final String REST_AUTH_REFRESH = "/auth/token/refresh";

	public static final String REST_AUTH_VERIFY = "/auth/token/verify";

	public static final String INVITATIONS = "/auth/invitations";

	public static final String ADMIN_USERS = "/admin/users";

	public static final String ADMIN_USER_DEACTIVATE = ADMIN_USERS + "/{id}/deactivate";

	public static final String ADMIN_USER_LOGOUT_ALL = ADMIN_USERS + "/{id}/logout-all";

	public static final String MFA = "/auth/mfa";

	public static final String MFA_TOTP = "/auth/mfa/totp";

	public static final String MFA_TOTP_CONFIRM = "/auth/mfa/totp/confirm";

	public static final String MFA_RECOVERY_CODES = "/auth/mfa/recovery-codes";

	public static final String MFA_VERIFY = "/auth/mfa/verify";

	public static final String PASSKEYS = "/auth/passkeys";

	public static final String PASSKEY = PASSKEYS + "/{id}";

	public static final String PASSKEY_REGISTRATION_OPTIONS = "/auth/passkeys/registration/options";

	public static final String PASSKEY_REGISTRATION = "/auth/passkeys/registration";

	public static final String PASSKEY_LOGIN_OPTIONS = "/auth/passkeys/login/options";

	public static final String PASSKEY_LOGIN = "/auth/passkeys/login";

	/** Endpoints anyone may call: they authenticate the caller themselves, or need no one. */
	private static final List<String> PUBLIC = List.of(SIGN_UP, TOKEN, REFRESH, VERIFY, BLACKLIST, LOGOUT, CSRF,
			SLIDING, SLIDING_REFRESH, PASSWORD_RESET, PASSWORD_RESET_CONFIRM, REST_AUTH_LOGIN, REGISTRATION,
			VERIFY_EMAIL, RESEND_EMAIL, REST_AUTH_REFRESH, REST_AUTH_VERIFY, MFA_VERIFY, PASSKEY_LOGIN_OPTIONS,
			PASSKEY_LOGIN);

	/** Endpoints for a signed-in user (or, under {@link #ADMIN_USERS}, a superuser). */
	private static final List<String> AUTHENTICATED = List.of(USER, LOGOUT_ALL, SESSIONS, SESSION,
			PASSWORD_CHANGE, INVITATIONS, ADMIN_USERS, ADMIN_USER_DEACTIVATE, ADMIN_USER_LOGOUT_ALL, MFA, MFA_TOTP,
			MFA_TOTP_CONFIRM, MFA_RECOVERY_CODES, PASSKEYS, PASSKEY, PASSKEY_REGISTRATION_OPTIONS,
			PASSKEY_REGISTRATION);

	private ApiPaths() {
	}

	/**
	 * Path patterns of every Latchkey endpoint under the given prefix, each with and without its
	 * trailing slash, plus the JWK Set: the paths whose security and errors are Latchkey's.
	 * @param prefix the API prefix ({@code latchkey.web.api-prefix})
	 * @return the patterns, in Spring's path-pattern syntax
	 */
	public static List<String> patterns(String prefix) {
		List<String> patterns = new ArrayList<>(spellings(prefix, PUBLIC));
		patterns.addAll(spellings(prefix, AUTHENTICATED));
		patterns.add(JwksController.PATH);
		return List.copyOf(patterns);
	}

	/**
	 * Path patterns of the endpoints open to anonymous callers, both spellings, plus the JWK Set.
	 * @param prefix the API prefix
	 * @return the patterns, in Spring's path-pattern syntax
	 */
	public static List<String> publicPatterns(String prefix) {
		List<String> patterns = new ArrayList<>(spellings(prefix, PUBLIC));
		patterns.add(JwksController.PATH);
		return List.copyOf(patterns);
	}

	/**
	 * Both spellings of each path under the prefix: {@code /api/token} and {@code /api/token/}.
	 */
	public static List<String> spellings(String prefix, List<String> paths) {
		List<String> spellings = new ArrayList<>(paths.size() * 2);
		for (String path : paths) {
			spellings.add(prefix + path);
			spellings.add(prefix + path + "/");
		}
		return spellings;
	}

}
