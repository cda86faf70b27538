package dev.latchkey.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;

/**
 * A user's view of their sessions: list them, revoke one, all, or all but the current one. Every
 * revocation reaches the session's access tokens through {@link RevokedFamilies}.
 */
public final class SessionService {

	private final TokenFamilyRepository families;

	private final RevokedFamilies revokedFamilies;

	private final Duration refreshLifetime;

	private final Clock clock;

	private final AuditLog audit;

	public SessionService(TokenFamilyRepository families, RevokedFamilies revokedFamilies, Duration refreshLifetime,
			Clock clock, AuditLog audit) {
		this.audit = audit;
		this.families = families;
		this.revokedFamilies = revokedFamilies;
		this.refreshLifetime = refreshLifetime;
		this.clock = clock;
	}

	/** The user's sessions that are neither revoked nor expired, oldest first. */
	public List<Session> list(long userId) {
		Instant now = this.clock.instant();
		return this.families.findLive(userId, now)
			.stream()
			.map(this::session)
			.filter((session) -> session.expires().isAfter(now))
			.toList();
	}

	/**
	 * Revoke one of the user's sessions.
	 * @return false if the user has no such live session (another user's id included)
	 */
	public boolean revoke(long userId, String sessionId, ClientInfo client) {
		boolean revoked = !revokeFamilies(userId, sessionId, null).isEmpty();
		if (revoked) {
			this.audit.record(AuditEvent.SESSION_REVOKED, userId, client.ip(), client.userAgent(), "ok");
		}
		return revoked;
	}

	/** Revoke every session of the user (logout everywhere, deactivation). */
	public int revokeAll(long userId, ClientInfo client) {
		int revoked = revokeFamilies(userId, null, null).size();
		this.audit.record(AuditEvent.LOGOUT_ALL, userId, client.ip(), client.userAgent(), revoked + " sessions");
		return revoked;
	}

	/** Revoke every session of the user but one (after a password change). */
	public int revokeOthers(long userId, String keepSessionId) {
		return revokeFamilies(userId, null, keepSessionId).size();
	}

	private List<String> revokeFamilies(long userId, String only, String except) {
		List<String> revoked = this.families.revoke(userId, only, except, this.clock.instant());
		revoked.forEach(this.revokedFamilies::markRevoked);
		return revoked;
	}

	private Session session(TokenFamily family) {
		// Every refresh issues a token living refreshLifetime from then, capped by the session's end.
		Instant newestExpiry = family.lastUsedAt().plus(this.refreshLifetime);
		Instant expires = newestExpiry.isBefore(family.expiresAt()) ? newestExpiry : family.expiresAt();
		return new Session(family.id(), family.createdAt(), family.lastUsedAt(), expires, family.client());
	}

}
