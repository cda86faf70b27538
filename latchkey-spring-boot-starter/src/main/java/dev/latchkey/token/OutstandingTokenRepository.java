package dev.latchkey.token;

import java.time.Instant;
import java.util.Optional;

/**
 * Where issued refresh tokens are recorded (SimpleJWT's {@code token_blacklist} app).
 */
public interface OutstandingTokenRepository {

	/** Record a refresh token that was just issued. */
	void save(OutstandingToken token);

	Optional<OutstandingToken> find(String tokenId);

	/**
	 * The token with its session, read together: what every refresh starts with. On a database
	 * this is one round trip (a join), not two.
	 * @param tokenId the {@code jti}
	 * @return empty when no such token is recorded
	 */
	Optional<StoredRefresh> findWithSession(String tokenId);

	/**
	 * Record that a token was rotated, only if nobody rotated it first: the database settles
	 * concurrent refreshes of one token.
	 * @return whether this caller won
	 */
	boolean markReplaced(String tokenId, String successorId, Instant at);

	/** Blacklist a token; blacklisting it again changes nothing. */
	void blacklist(String tokenId, Instant at);

	/**
	 * Delete up to {@code limit} tokens that expired before {@code now}, with their blacklist rows.
	 * @return how many were deleted
	 */
	int deleteExpired(Instant now, int limit);

}
