package dev.latchkey.audit;

import java.util.Locale;

/**
 * The security events Latchkey records.
 */
public enum AuditEvent {

	LOGIN_SUCCEEDED, LOGIN_FAILED, LOCKOUT, LOGIN_THROTTLED, SIGN_UP, LOGOUT, LOGOUT_ALL, SESSION_REVOKED,
	REUSE_DETECTED, PASSWORD_CHANGED;

	/** The name written to the log, e.g. {@code login_failed}. */
	public String logName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
