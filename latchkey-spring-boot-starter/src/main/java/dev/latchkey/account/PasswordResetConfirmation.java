package dev.latchkey.account;

import java.time.Clock;
import java.util.Optional;

import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.password.PasswordOwner;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.token.UserSessions;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;

/**
 * dj-rest-auth's {@code PasswordResetConfirmSerializer}: the uid must name a user, the token must
 * be that user's live one (unused, unexpired, issued against the current password), then
 * Django's {@code SetPasswordForm} checks the two new passwords. The token is used up before the
 * password is stored, so a token works once even under concurrent confirmations; then every
 * session of the user ends, access tokens included, as logout-all does.
 */
public final class PasswordResetConfirmation {

	static final String INVALID = "Invalid value";

	private final UserRepository users;

	private final PasswordResetTokens tokens;

	private final PasswordHasher passwordHasher;

	private final PasswordPolicy passwordPolicy;

	private final UserSessions sessions;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final AuditLog audit;

	public PasswordResetConfirmation(UserRepository users, PasswordResetTokens tokens, PasswordHasher passwordHasher,
			PasswordPolicy passwordPolicy, UserSessions sessions, TransactionOperations transactions, Clock clock,
			AuditLog audit) {
		this.users = users;
		this.tokens = tokens;
		this.passwordHasher = passwordHasher;
		this.passwordPolicy = passwordPolicy;
		this.sessions = sessions;
		this.transactions = transactions;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * @param uid Django's base64 user id, or {@code null} if the field was invalid
	 * @param token the token from the mail, or {@code null} if the field was invalid
	 * @param newPassword1 the new password, or {@code null} if the field was invalid
	 * @param newPassword2 its confirmation, or {@code null} if the field was invalid
	 * @param errors the errors the web layer found, to which this adds its own
	 * @param client who asked, for the audit log
	 * @throws dev.latchkey.user.InvalidFieldsException with DRF's messages
	 */
	public void confirm(String uid, String token, String newPassword1, String newPassword2, FieldErrors errors,
			ClientInfo client) {
		errors.throwIfAny();
		User user = ResetLinks.userId(uid).flatMap(this.users::findById).filter(User::active).orElse(null);
		if (user == null) {
			throw FieldErrors.single("uid", INVALID);
		}
		String tokenHash = validTokenHash(user, token).orElseThrow(() -> FieldErrors.single("token", INVALID));
		errors.addAll("new_password2", this.passwordPolicy.newPasswordViolations(newPassword1, newPassword2,
				new PasswordOwner(user.username(), user.name(), user.email())));
		errors.throwIfAny();
		String newHash = this.passwordHasher.encode(newPassword1);
		Boolean reset = this.transactions.execute((status) -> {
			if (!this.tokens.consume(user.id(), tokenHash)) {
				return false;
			}
			this.users.updatePassword(user.id(), newHash);
			return true;
		});
		if (!Boolean.TRUE.equals(reset)) {
			throw FieldErrors.single("token", INVALID);
		}
		this.sessions.revokeAll(user.id(), client);
		this.audit.record(AuditEvent.PASSWORD_CHANGED, user.id(), client.ip(), client.userAgent(), "reset");
	}

	private Optional<String> validTokenHash(User user, String token) {
		return this.tokens.find(user.id())
			.filter((stored) -> SecretTokens.matches(token, stored.tokenHash()))
			.filter((stored) -> stored.expiresAt().isAfter(this.clock.instant()))
			.filter((stored) -> PasswordFingerprint.matches(user.passwordHash(), stored.passwordFingerprint()))
			.map(PasswordResetTokens.StoredResetToken::tokenHash);
	}

}
