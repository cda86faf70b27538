package dev.latchkey.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.mail.MailOutbox;
import dev.latchkey.mail.MailTemplates;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.User;

/**
 * Who may sign up: anyone, invited addresses only, or no one. Invitations are made by a
 * superuser and mailed; the key ({@code <id>-<secret>}, only the secret's SHA-256 stored) works
 * once, for the invited address, until it expires.
 */
public final class SignUpPolicy {

	static final String INVALID = "Invalid value";

	private final SignUpMode mode;

	private final Invitations invitations;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final Duration invitationLifetime;

	private final String invitationPath;

	public SignUpPolicy(SignUpMode mode, Invitations invitations, MailOutbox outbox, MailTemplates templates,
			TransactionOperations transactions, Clock clock, Duration invitationLifetime, String invitationPath) {
		this.mode = mode;
		this.invitations = invitations;
		this.outbox = outbox;
		this.templates = templates;
		this.transactions = transactions;
		this.clock = clock;
		this.invitationLifetime = invitationLifetime;
		this.invitationPath = invitationPath;
	}

	/**
	 * Check that this sign-up may go ahead.
	 * @param invitation the invitation key sent, or {@code null}
	 * @param email the address signing up
	 * @return the invitation to mark accepted once the user is stored, or {@code null}
	 * @throws SignUpClosedException when sign-up is closed
	 * @throws dev.latchkey.user.InvalidFieldsException {@code {"invitation": [...]}} for a missing,
	 * unknown, used or expired invitation, or one for another address
	 */
	public Long admit(String invitation, String email) {
		if (this.mode == SignUpMode.OPEN) {
			return null;
		}
		if (this.mode == SignUpMode.CLOSED) {
			throw new SignUpClosedException(SignUpClosedException.CLOSED);
		}
		if (invitation == null || invitation.isEmpty()) {
			throw FieldErrors.single("invitation", "This field is required.");
		}
		int dash = invitation.indexOf('-');
		if (dash < 1 || !invitation.substring(0, dash).matches("[0-9]{1,18}")) {
			throw FieldErrors.single("invitation", INVALID);
		}
		String secret = invitation.substring(dash + 1);
		Instant now = this.clock.instant();
		return this.invitations.find(Long.parseLong(invitation.substring(0, dash)))
			.filter((found) -> SecretTokens.matches(secret, found.keyHash()))
			.filter((found) -> !found.accepted() && found.expiresAt().isAfter(now))
			.filter((found) -> email != null && found.email().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT)))
			.map(Invitations.Invitation::id)
			.orElseThrow(() -> FieldErrors.single("invitation", INVALID));
	}

	/** The invited user was stored: the invitation is used up. */
	public void accepted(Long invitationId) {
		if (invitationId != null) {
			this.invitations.accept(invitationId, this.clock.instant());
		}
	}

	/**
	 * Invite an address: store the invitation and queue its mail.
	 * @param inviter who invites; must be a superuser
	 * @throws SignUpClosedException when the inviter is no superuser
	 */
	public Instant invite(User inviter, String email, Site site) {
		if (inviter != null && !inviter.superuser()) {
			throw new SignUpClosedException(SignUpClosedException.NOT_PERMITTED);
		}
		String secret = SecretTokens.generate();
		Instant now = this.clock.instant();
		Instant expires = now.plus(this.invitationLifetime);
		this.transactions.executeWithoutResult((status) -> {
			long id = this.invitations.create(email, SecretTokens.hash(secret), (inviter != null) ? inviter.id() : null,
					now, expires);
			String key = id + "-" + secret;
			Map<String, String> variables = new LinkedHashMap<>();
			variables.put("inviter", (inviter != null) ? inviter.username() : "");
			variables.put("email", email);
			variables.put("protocol", site.protocol());
			variables.put("domain", site.domain());
			variables.put("site_name", site.name());
			variables.put("key", key);
			variables.put("link", site.link(ResetLinks.path(this.invitationPath, "", key)));
			this.outbox.enqueue(this.templates.render("invitation", email, variables), now);
		});
		return expires;
	}

}
