package dev.latchkey.token;

/**
 * The request path: checks an access token (or a sliding token, when those authenticate) as
 * every authenticated request needs it, with no query: signature and claims through
 * {@link TokenVerifier}, then whether its session was revoked through {@link RevokedSessions}.
 */
public final class AccessTokenAuthenticator {

	private final TokenVerifier verifier;

	private final RevokedSessions revokedSessions;

	private final boolean acceptSliding;

	public AccessTokenAuthenticator(TokenVerifier verifier, RevokedSessions revokedSessions, boolean acceptSliding) {
		this.verifier = verifier;
		this.revokedSessions = revokedSessions;
		this.acceptSliding = acceptSliding;
	}

	/**
	 * @return the verified token
	 * @throws InvalidTokenException with SimpleJWT's message
	 */
	public VerifiedToken authenticate(String token) {
		VerifiedToken verified = this.acceptSliding ? this.verifier.verifyUntyped(token)
				: this.verifier.verify(token, TokenType.ACCESS);
		if (verified.type() == TokenType.REFRESH) {
			throw new InvalidTokenException(InvalidTokenException.WRONG_TYPE);
		}
		if (this.revokedSessions.isRevoked(verified.sessionId())) {
			throw InvalidTokenException.blacklisted();
		}
		return verified;
	}

}
