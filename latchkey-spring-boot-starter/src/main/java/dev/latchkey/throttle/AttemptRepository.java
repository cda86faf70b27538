package dev.latchkey.throttle;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

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

	/** Create the counters under {@code keys} that do not exist yet, at zero (outside a transaction). */
	void createMissing(Collection<String> keys, Instant now);

	/**
	 * Lock the counters under {@code keys} until the surrounding transaction ends, so one
	 * reservation at a time reads and writes them, across instances.
	 * @return the existing counters by key
	 */
	Map<String, Attempts> lockForUpdate(Collection<String> keys);

	/** Overwrite a counter locked with {@link #lockForUpdate}. */
	void save(String key, Attempts attempts);

	/** Forget a key (a successful login). */
	void reset(String key);

	/** Delete counters untouched since {@code before}. */
	int deleteIdleSince(Instant before);

}
