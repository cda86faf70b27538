package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;

/**
 * SimpleJWT's sliding tokens ({@code TokenObtainSlidingView}, {@code TokenRefreshSlidingView}):
 * one token that authenticates and, while its {@code refresh_exp} lies ahead, can be exchanged
 * for a copy with a later {@code exp} (same {@code jti}). Each obtained token starts a session, so
 * logout everywhere and session revocation reach sliding tokens too.
 */
public final class SlidingTokens {

	static final String REFRESH_EXPIRED = "Token 'refresh_exp' claim has expired";

	private final TokenIssuer issuer;

	private final TokenVerifier verifier;

	private final SessionRepository sessions;

	private final RevokedSessions revokedSessions;

	private final ActiveUsers activeUsers;

	private final SlidingSettings settings;

	private final Clock clock;

	public SlidingTokens(TokenIssuer issuer, TokenVerifier verifier, SessionRepository sessions,
			RevokedSessions revokedSessions, ActiveUsers activeUsers, SlidingSettings settings, Clock clock) {
		this.activeUsers = activeUsers;
		this.issuer = issuer;
		this.verifier = verifier;
		this.sessions = sessions;
		this.revokedSessions = revokedSessions;
		this.settings = settings;
		this.clock = clock;
	}

	/** A new sliding token for a user who just proved who they are. */
	public String obtain(long userId, ClientInfo client) {
		Instant now = this.clock.instant();
		Instant refreshExpiresAt = now.plus(this.settings.refreshLifetime());
		Session session = new Session(TokenIssuer.newTokenId(), userId, now, now, refreshExpiresAt, null, client);
		this.sessions.save(session);
		return this.issuer.issueSliding(userId, session.id(), TokenIssuer.newTokenId(), refreshExpiresAt,
				this.settings.lifetime());
	}

	/**
	 * Slide a token's expiry forward.
	 * @throws InvalidTokenException if it is invalid, expired, past its {@code refresh_exp} or
	 * revoked, or its user is gone or inactive (as refresh checks)
	 */
	public String refresh(String token) {
		VerifiedToken verified = this.verifier.verify(token, TokenType.SLIDING);
		Instant now = this.clock.instant();
		Object refreshExp = verified.claims().get(TokenClaims.REFRESH_EXPIRES_AT);
		if (!(refreshExp instanceof Number seconds) || !Instant.ofEpochSecond(seconds.longValue()).isAfter(now)) {
			throw new InvalidTokenException(REFRESH_EXPIRED);
		}
		String sessionId = verified.sessionId();
		if (this.revokedSessions.isRevoked(sessionId)
				|| (sessionId != null && this.sessions.find(sessionId).map(Session::isRevoked).orElse(false))) {
			throw InvalidTokenException.blacklisted();
		}
		if (!this.activeUsers.isActive(verified.userId())) {
			throw InvalidTokenException.noActiveAccount();
		}
		if (sessionId != null) {
			this.sessions.touch(sessionId, now);
		}
		return this.issuer.issueSliding(verified.userId(), sessionId, verified.tokenId(),
				Instant.ofEpochSecond(seconds.longValue()), this.settings.lifetime());
	}

}
