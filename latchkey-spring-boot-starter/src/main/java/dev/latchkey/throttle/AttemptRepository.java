package dev.latchkey.throttle;

import java.time.Instant;
import java.util.Collection;

/**
 * Where attempt counters live: in the database, so every instance sees the same counts.
 */
public interface AttemptRepository {

	/**
	 * Count one attempt, starting over when the last one is older than {@code windowStart}.
	 * @return the count after this attempt
	 */
	int increment(String key, Instant now, Instant windowStart);

	/** Refuse attempts under {@code key} until {@code until}. */
	void lockUntil(String key, Instant until);

	/** The latest lock over the keys, or {@code null} when none is set. */
	Instant lockedUntil(Collection<String> keys);

	/** Forget a key (a successful login). */
	void reset(String key);

	/** Delete counters untouched since {@code before}. */
	int deleteIdleSince(Instant before);

}
