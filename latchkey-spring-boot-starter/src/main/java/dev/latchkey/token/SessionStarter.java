package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;

/**
 * Starts a session for a user who just proved who they are (sign-up, login, a confirmed password
 * reset): stores the session and its first refresh token and issues the pair.
 */
public final class SessionStarter {

	private final TokenIssuer issuer;

	private final OutstandingTokenRepository tokens;

	private final SessionRepository sessions;

	private final RotationSettings rotation;

	private final Clock clock;

	public SessionStarter(TokenIssuer issuer, OutstandingTokenRepository tokens, SessionRepository sessions,
			RotationSettings rotation, Clock clock) {
		this.issuer = issuer;
		this.tokens = tokens;
		this.sessions = sessions;
		this.rotation = rotation;
		this.clock = clock;
	}

	/**
	 * @param userId the user's primary key
	 * @param client who is logging in
	 * @return the new session's first pair
	 */
	public TokenPair start(long userId, ClientInfo client) {
		Instant now = this.clock.instant();
		Session session = new Session(TokenIssuer.newTokenId(), userId, now, now,
				now.plus(this.rotation.sessionMaximum()), null, client);
		this.sessions.save(session);
		TokenIssuer.IssuedPair issued = this.issuer.issuePair(userId, session.id(), session.expiresAt());
		this.tokens.save(OutstandingToken.issued(issued.refreshTokenId(), userId, session.id(), issued.issuedAt(),
				issued.refreshExpiresAt()));
		return issued.pair();
	}

}
