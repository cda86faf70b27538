package dev.latchkey.token;

/**
 * Where issued refresh tokens are recorded (SimpleJWT's {@code token_blacklist} app).
 */
public interface OutstandingTokenRepository {

	/**
	 * Record a refresh token that was just issued.
	 * @param token the token's details
	 */
	void save(OutstandingToken token);

	/**
	 * Whether the refresh token with this {@code jti} is blacklisted.
	 * @param tokenId the {@code jti}
	 * @return true if blacklisted
	 */
	boolean isBlacklisted(String tokenId);

}
