package dev.latchkey.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions (refresh-token families) are kept.
 */
public interface TokenFamilyRepository {

	void save(TokenFamily family);

	Optional<TokenFamily> find(String id);

	/** Families of a user that are neither revoked nor past their end at {@code now}. */
	List<TokenFamily> findLive(long userId, Instant now);

	/**
	 * Revoke families: those given, or all of the user's, or all of the user's but one.
	 * @param userId the owner; families of other users are never touched
	 * @param only the family to revoke, or {@code null} for all of the user's
	 * @param except a family to keep, or {@code null}
	 * @return the ids of the families this call revoked
	 */
	List<String> revoke(long userId, String only, String except, Instant at);

	/** Record that a token of the family was just refreshed. */
	void touch(String id, Instant at);

	/** Delete up to {@code limit} families whose absolute end passed before {@code now}. */
	int deleteExpired(Instant now, int limit);

	/** Ids of families revoked after {@code since} (revocations that access tokens may still feel). */
	List<String> findRevokedSince(Instant since);

}
