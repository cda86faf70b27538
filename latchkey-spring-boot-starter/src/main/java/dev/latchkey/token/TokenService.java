package dev.latchkey.token;

import java.util.UUID;

/**
 * Token use cases: start a session (sign-up, login) and authenticate an access token.
 */
public final class TokenService {

	private final TokenIssuer issuer;

	private final TokenVerifier verifier;

	private final OutstandingTokenRepository outstandingTokens;

	public TokenService(TokenIssuer issuer, TokenVerifier verifier, OutstandingTokenRepository outstandingTokens) {
		this.issuer = issuer;
		this.verifier = verifier;
		this.outstandingTokens = outstandingTokens;
	}

	/**
	 * Start a new session (refresh-token family) for a user who just proved who they are.
	 * @param userId the user's primary key
	 * @return the new pair
	 */
	public TokenPair startSession(long userId) {
		TokenIssuer.IssuedPair issued = this.issuer.issuePair(userId);
		String familyId = UUID.randomUUID().toString();
		this.outstandingTokens.save(new OutstandingToken(issued.refreshTokenId(), userId, familyId, issued.issuedAt(),
				issued.refreshExpiresAt()));
		return issued.pair();
	}

	/**
	 * Verify an access token as the request filter does.
	 * @param token the compact JWS
	 * @return the verified token
	 * @throws InvalidTokenException with SimpleJWT's message
	 */
	public VerifiedToken authenticateAccess(String token) {
		return this.verifier.verify(token, TokenType.ACCESS);
	}

}
