package dev.latchkey.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions  are kept.
 */
public interface SessionRepository {

	void save(Session session);

	Optional<Session> find(String id);

	/** Sessions of a user that are neither revoked nor past their end at {@code now}. */
	List<Session> findLive(long userId, Instant now);

	/**
	 * Revoke sessions: those given, or all of the user's, or all of the user's but one.
	 * @param userId the owner; sessions of other users are never touched
	 * @param only the session to revoke, or {@code null} for all of the user's
	 * @param except a session to keep, or {@code null}
	 * @return the ids of the sessions this call revoked
	 */
	List<String> revoke(long userId, String only, String except, Instant at);

	/** Record that a token of the session was just refreshed. */
	void touch(String id, Instant at);

	/** Delete up to {@code limit} sessions whose absolute end passed before {@code now}. */
	int deleteExpired(Instant now, int limit);

	/** Ids of sessions revoked after {@code since} (revocations that access tokens may still feel). */
	List<String> findRevokedSince(Instant since);

}
