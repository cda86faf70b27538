package dev.latchkey.token;

/**
 * SimpleJWT's verify endpoint: whether a valid token of any type was revoked.
 */
public final class RevocationCheck {

	private final TokenVerifier verifier;

	private final RevokedSessions revokedSessions;

	private final OutstandingTokenRepository tokens;

	private final SessionRepository sessions;

	public RevocationCheck(TokenVerifier verifier, RevokedSessions revokedSessions, OutstandingTokenRepository tokens,
			SessionRepository sessions) {
		this.verifier = verifier;
		this.revokedSessions = revokedSessions;
		this.tokens = tokens;
		this.sessions = sessions;
	}

	/**
	 * @return whether the token was revoked (SimpleJWT answers 400 "Token is blacklisted"): its
	 * session ended, or, for a refresh token, the token itself was blacklisted
	 * @throws InvalidTokenException if the token is not valid at all
	 */
	public boolean isRevoked(String token) {
		VerifiedToken verified = this.verifier.verifyUntyped(token);
		if (this.revokedSessions.isRevoked(verified.sessionId())) {
			return true;
		}
		if (verified.type() != TokenType.REFRESH) {
			return false;
		}
		return this.tokens.find(verified.tokenId()).map(this::isDead).orElse(false);
	}

	private boolean isDead(OutstandingToken token) {
		return token.blacklisted() || this.sessions.find(token.sessionId()).map(Session::isRevoked).orElse(true);
	}

}
