package dev.latchkey.user;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.throttle.LoginAttempt;
import dev.latchkey.throttle.LoginThrottle;
import dev.latchkey.throttle.ThrottledException;
import dev.latchkey.token.ClientInfo;

/**
 * A login attempt: the password check is reserved first (refused at once while the account or
 * the address is locked), then the credentials are checked, the outcome counted for brute-force
 * protection, and audited. The account's counters are those of the NFKC-normalised username the
 * lookup uses and of the user's id, so no spelling of a name gets a counter of its own.
 */
public final class PasswordLogin {

	private final CredentialsAuthenticator authenticator;

	private final UserLookup lookup;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final SecondFactorRequirement secondFactor;

	public PasswordLogin(CredentialsAuthenticator authenticator, UserLookup lookup, LoginThrottle throttle,
			AuditLog audit) {
		this(authenticator, lookup, throttle, audit, SecondFactorRequirement.NONE);
	}

	/**
	 * @param secondFactor whether a user with a right password must still prove a second factor:
	 * then the attempt is not settled here (the second factor's check settles it)
	 */
	public PasswordLogin(CredentialsAuthenticator authenticator, UserLookup lookup, LoginThrottle throttle,
			AuditLog audit, SecondFactorRequirement secondFactor) {
		this.authenticator = authenticator;
		this.lookup = lookup;
		this.throttle = throttle;
		this.audit = audit;
		this.secondFactor = secondFactor;
	}

	/**
	 * @return the user the credentials belong to
	 * @throws ThrottledException while locked
	 * @throws InvalidCredentialsException for an unknown user, a wrong password or an inactive user
	 */
	public User login(String username, String password, ClientInfo client) {
		LoginAttempt attempt;
		try {
			Long userId = this.lookup.findForLogin(username).map(User::id).orElse(null);
			attempt = this.throttle.reserve(UsernameRules.normalize(username), userId, client.ip());
		}
		catch (ThrottledException ex) {
			record(AuditEvent.LOGIN_THROTTLED, null, client, "throttled");
			throw ex;
		}
		User user;
		try {
			user = this.authenticator.authenticate(username, password);
		}
		catch (InvalidCredentialsException ex) {
			boolean locked = this.throttle.recordFailure(attempt);
			// No user id: whether the name exists is exactly what must not leak, not even to logs.
			record(AuditEvent.LOGIN_FAILED, null, client, "bad_credentials");
			if (locked) {
				record(AuditEvent.LOCKOUT, null, client, "locked");
			}
			throw ex;
		}
		catch (RuntimeException ex) {
			// No password was checked (hashing busy, database down): the attempt is given back.
			throw this.throttle.releaseAfter(attempt, ex);
		}
		if (this.secondFactor.isRequired(user)) {
			// The password alone proves too little: the account's count stays until the second
			// factor's check settles it.
			return user;
		}
		this.throttle.recordSuccess(attempt);
		record(AuditEvent.LOGIN_SUCCEEDED, user.id(), client, "ok");
		return user;
	}

	/** Whether a user whose password was right must still prove a second factor. */
	public boolean secondFactorRequired(User user) {
		return this.secondFactor.isRequired(user);
	}

	private void record(AuditEvent event, Long userId, ClientInfo client, String outcome) {
		this.audit.record(event, userId, client.ip(), client.userAgent(), outcome);
	}

}
