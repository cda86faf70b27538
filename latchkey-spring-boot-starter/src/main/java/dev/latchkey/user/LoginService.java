package dev.latchkey.user;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.throttle.LoginThrottle;
import dev.latchkey.throttle.ThrottledException;
import dev.latchkey.token.ClientInfo;

/**
 * A login attempt: refused at once while the username or the address is locked, else the
 * credentials are checked, the outcome counted for brute-force protection, and audited.
 */
public final class LoginService {

	private final CredentialsAuthenticator authenticator;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	public LoginService(CredentialsAuthenticator authenticator, LoginThrottle throttle, AuditLog audit) {
		this.authenticator = authenticator;
		this.throttle = throttle;
		this.audit = audit;
	}

	/**
	 * @return the user the credentials belong to
	 * @throws ThrottledException while locked
	 * @throws InvalidCredentialsException for an unknown user, a wrong password or an inactive user
	 */
	public User login(String username, String password, ClientInfo client) {
		try {
			this.throttle.checkLogin(username, client.ip());
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
			boolean locked = this.throttle.recordFailure(username, client.ip());
			// No user id: whether the name exists is exactly what must not leak, not even to logs.
			record(AuditEvent.LOGIN_FAILED, null, client, "bad_credentials");
			if (locked) {
				record(AuditEvent.LOCKOUT, null, client, "locked");
			}
			throw ex;
		}
		this.throttle.recordSuccess(username);
		record(AuditEvent.LOGIN_SUCCEEDED, user.id(), client, "ok");
		return user;
	}

	private void record(AuditEvent event, Long userId, ClientInfo client, String outcome) {
		this.audit.record(event, userId, client.ip(), client.userAgent(), outcome);
	}

}
