package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;

/**
 * Ends a session by one of its refresh tokens (logout, SimpleJWT's blacklist endpoint).
 */
public final class Logout {

	private final TokenVerifier verifier;

	private final OutstandingTokenRepository tokens;

	private final SessionRepository sessions;

	private final RevokedSessions revokedSessions;

	private final RotationSettings rotation;

	private final Clock clock;

	private final AuditLog audit;

	public Logout(TokenVerifier verifier, OutstandingTokenRepository tokens, SessionRepository sessions,
			RevokedSessions revokedSessions, RotationSettings rotation, Clock clock, AuditLog audit) {
		this.verifier = verifier;
		this.tokens = tokens;
		this.sessions = sessions;
		this.revokedSessions = revokedSessions;
		this.rotation = rotation;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Blacklist a refresh token and end its session. Any refresh token of a live session ends it:
	 * one rotated out within the grace period (two tabs) as a logout; one rotated out before that
	 * as the reuse it is, as refresh treats it (the session is revoked, and the answer is "Token is
	 * blacklisted").
	 * @throws InvalidTokenException "Token is blacklisted" if its session had already ended or it
	 * was reused, or if invalid
	 */
	public void logout(String refreshToken, ClientInfo client) {
		VerifiedToken verified = this.verifier.verify(refreshToken, TokenType.REFRESH);
		Instant now = this.clock.instant();
		Optional<OutstandingToken> stored = this.tokens.find(verified.tokenId());
		if (stored.isEmpty()) {
			// Issued elsewhere (Django, during a cut-over): record it so that it stays revoked.
			String sessionId = TokenIssuer.newTokenId();
			this.sessions.save(new Session(sessionId, verified.userId(), now, now, verified.expiresAt(), null,
					ClientInfo.none()));
			this.tokens.save(OutstandingToken.issued(verified.tokenId(), verified.userId(), sessionId,
					verified.issuedAt(), verified.expiresAt()));
			stored = this.tokens.find(verified.tokenId());
		}
		OutstandingToken token = stored.orElseThrow();
		if (this.sessions.find(token.sessionId()).map(Session::isRevoked).orElse(true)) {
			throw InvalidTokenException.blacklisted();
		}
		this.tokens.blacklist(token.tokenId(), now);
		this.sessions.revoke(token.userId(), token.sessionId(), null, now).forEach(this.revokedSessions::markRevoked);
		if (token.blacklisted() && !rotatedOutWithinGrace(token, now)) {
			this.audit.record(AuditEvent.REUSE_DETECTED, token.userId(), client.ip(), client.userAgent(),
					"session revoked");
			throw InvalidTokenException.blacklisted();
		}
		this.audit.record(AuditEvent.LOGOUT, token.userId(), client.ip(), client.userAgent(), "ok");
	}

	private boolean rotatedOutWithinGrace(OutstandingToken token, Instant now) {
		return token.isReplaced() && !this.rotation.gracePeriod().isZero()
				&& !now.isAfter(token.replacedAt().plus(this.rotation.gracePeriod()));
	}

}
