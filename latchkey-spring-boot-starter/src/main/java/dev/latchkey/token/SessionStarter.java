package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
		return start(userId, client, Session.PASSWORD);
	}

	/**
	 * Start a session recording how the user authenticated: its access tokens, refreshed or not,
	 * carry it as their {@code amr} claim.
	 * @param amr RFC 8176 method names: {@code ["pwd"]}, {@code ["pwd", "otp"]}, {@code ["webauthn"]}
	 */
	public TokenPair start(long userId, ClientInfo client, List<String> amr) {
		Instant now = this.clock.instant();
		Session session = new Session(TokenIssuer.newTokenId(), userId, now, now,
				now.plus(this.rotation.sessionMaximum()), null, client, amr);
		this.sessions.save(session);
		TokenIssuer.IssuedPair issued = this.issuer.issuePair(userId, session.id(), session.expiresAt(),
				session.amr());
		this.tokens.save(OutstandingToken.issued(issued.refreshTokenId(), userId, session.id(), issued.issuedAt(),
				issued.refreshExpiresAt()));
		return issued.pair();
	}

}
