package dev.latchkey.user;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.password.PasswordOwner;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.throttle.LoginAttempt;
import dev.latchkey.throttle.LoginThrottle;
import dev.latchkey.throttle.ThrottledException;
import dev.latchkey.token.ClientInfo;

/**
 * dj-rest-auth's {@code PasswordChangeSerializer} with {@code OLD_PASSWORD_FIELD_ENABLED}: the old
 * password must be right, the two new ones equal and acceptable to the validators, with Django's
 * messages. The old password is checked as a login is: through the same counters and lockout
 * ({@link LoginThrottle}), so this is no second way to guess a password, nor to fill the hashing
 * pool.
 */
public final class PasswordChange {

	static final String OLD_PASSWORD_INCORRECT = "Your old password was entered incorrectly. Please enter it again.";

	private final UserRepository users;

	private final PasswordHasher passwordHasher;

	private final PasswordPolicy passwordPolicy;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	public PasswordChange(UserRepository users, PasswordHasher passwordHasher, PasswordPolicy passwordPolicy,
			LoginThrottle throttle, AuditLog audit) {
		this.users = users;
		this.passwordHasher = passwordHasher;
		this.passwordPolicy = passwordPolicy;
		this.throttle = throttle;
		this.audit = audit;
	}

	/**
	 * @param user the signed-in user
	 * @param oldPassword the current password, or {@code null} if the field was invalid
	 * @param newPassword1 the new password, or {@code null} if the field was invalid
	 * @param newPassword2 its confirmation, or {@code null} if the field was invalid
	 * @param errors the errors the web layer found, to which this adds its own
	 * @param client who asked, for the audit log
	 * @throws InvalidFieldsException with every error found
	 * @throws ThrottledException while the account or the address is locked
	 */
	public void change(User user, String oldPassword, String newPassword1, String newPassword2, FieldErrors errors,
			ClientInfo client) {
		if (oldPassword != null && !oldPasswordMatches(user, oldPassword, client)) {
			errors.add("old_password", OLD_PASSWORD_INCORRECT);
		}
		// As DRF, the form-level checks run only once every field is valid on its own.
		errors.throwIfAny();
		errors.addAll("new_password2", this.passwordPolicy.newPasswordViolations(newPassword1, newPassword2,
				new PasswordOwner(user.username(), user.name(), user.email())));
		errors.throwIfAny();
		this.users.updatePassword(user.id(), this.passwordHasher.encode(newPassword1));
		record(AuditEvent.PASSWORD_CHANGED, user.id(), client, "ok");
	}

	private boolean oldPasswordMatches(User user, String oldPassword, ClientInfo client) {
		LoginAttempt attempt;
		try {
			attempt = this.throttle.reserve(UsernameRules.normalize(user.username()), user.id(), client.ip());
		}
		catch (ThrottledException ex) {
			record(AuditEvent.LOGIN_THROTTLED, user.id(), client, "throttled");
			throw ex;
		}
		boolean matches;
		try {
			matches = this.passwordHasher.matches(oldPassword, user.passwordHash());
		}
		catch (RuntimeException ex) {
			// The hash never ran (pool busy): the attempt is given back.
			throw this.throttle.releaseAfter(attempt, ex);
		}
		if (matches) {
			this.throttle.recordSuccess(attempt);
			return true;
		}
		boolean locked = this.throttle.recordFailure(attempt);
		// The caller is signed in as this user, so the id reveals nothing.
		record(AuditEvent.LOGIN_FAILED, user.id(), client, "bad_old_password");
		if (locked) {
			record(AuditEvent.LOCKOUT, user.id(), client, "locked");
		}
		return false;
	}

	private void record(AuditEvent event, Long userId, ClientInfo client, String outcome) {
		this.audit.record(event, userId, client.ip(), client.userAgent(), outcome);
	}

}
