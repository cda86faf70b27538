package dev.latchkey.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;

/**
 * A user's view of their sessions: list them, revoke one, all, or all but the current one. Every
 * revocation reaches the session's access tokens through {@link RevokedSessions}.
 */
public final class UserSessions {

	private final SessionRepository sessions;

	private final RevokedSessions revokedSessions;

	private final Duration refreshLifetime;

	private final Clock clock;

	private final AuditLog audit;

	public UserSessions(SessionRepository sessions, RevokedSessions revokedSessions, Duration refreshLifetime,
			Clock clock, AuditLog audit) {
		this.audit = audit;
		this.sessions = sessions;
		this.revokedSessions = revokedSessions;
		this.refreshLifetime = refreshLifetime;
		this.clock = clock;
	}

	/** The user's sessions that are neither revoked nor expired, oldest first. */
	public List<SessionSummary> list(long userId) {
		Instant now = this.clock.instant();
		return this.sessions.findLive(userId, now)
			.stream()
			.map(this::summary)
			.filter((session) -> session.expires().isAfter(now))
			.toList();
	}

	/**
	 * Revoke one of the user's sessions.
	 * @return false if the user has no such live session (another user's id included)
	 */
	public boolean revoke(long userId, String sessionId, ClientInfo client) {
		boolean revoked = !revokeSessions(userId, sessionId, null).isEmpty();
		if (revoked) {
			this.audit.record(AuditEvent.SESSION_REVOKED, userId, client.ip(), client.userAgent(), "ok");
		}
		return revoked;
	}

	/** Revoke every session of the user (logout everywhere, deactivation). */
	public int revokeAll(long userId, ClientInfo client) {
		int revoked = revokeSessions(userId, null, null).size();
		this.audit.record(AuditEvent.LOGOUT_ALL, userId, client.ip(), client.userAgent(), revoked + " sessions");
		return revoked;
	}

	/** Revoke every session of the user but one (after a password change). */
	public int revokeOthers(long userId, String keepSessionId) {
		return revokeSessions(userId, null, keepSessionId).size();
	}

	private List<String> revokeSessions(long userId, String only, String except) {
		List<String> revoked = this.sessions.revoke(userId, only, except, this.clock.instant());
		revoked.forEach(this.revokedSessions::markRevoked);
		return revoked;
	}

	private SessionSummary summary(Session session) {
		// Every refresh issues a token living refreshLifetime from then, capped by the session's end.
		Instant newestExpiry = session.lastUsedAt().plus(this.refreshLifetime);
		Instant expires = newestExpiry.isBefore(session.expiresAt()) ? newestExpiry : session.expiresAt();
		return new SessionSummary(session.id(), session.createdAt(), session.lastUsedAt(), expires, session.client());
	}

}
