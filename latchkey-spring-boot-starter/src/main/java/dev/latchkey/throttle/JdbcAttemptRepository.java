package dev.latchkey.throttle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link AttemptRepository} on the {@code latchkey_attempt} table. Increments are single atomic
 * updates, so concurrent failures on several instances are all counted.
 */
public final class JdbcAttemptRepository implements AttemptRepository {

	private static final String INCREMENT = """
			UPDATE latchkey_attempt
			SET attempts = CASE WHEN last_at < :windowStart THEN 1 ELSE attempts + 1 END,
			    locked_until = CASE WHEN last_at < :windowStart THEN NULL ELSE locked_until END,
			    last_at = :now
			WHERE attempt_key = :key""";

	private static final String INSERT = """
			INSERT INTO latchkey_attempt (attempt_key, attempts, last_at) VALUES (:key, 1, :now)""";

	private static final String COUNT = "SELECT attempts FROM latchkey_attempt WHERE attempt_key = :key";

	private static final String LOCK = "UPDATE latchkey_attempt SET locked_until = :until WHERE attempt_key = :key";

	private static final String LOCKED_UNTIL = "SELECT MAX(locked_until) FROM latchkey_attempt WHERE attempt_key IN (:keys)";

	private static final String RESET = "DELETE FROM latchkey_attempt WHERE attempt_key = :key";

	private static final String DELETE_IDLE = "DELETE FROM latchkey_attempt WHERE last_at < :before";

	private final JdbcClient jdbc;

	public JdbcAttemptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int increment(String key, Instant now, Instant windowStart) {
		for (int attempt = 0; attempt < 3; attempt++) {
			int updated = this.jdbc.sql(INCREMENT)
				.param("windowStart", Timestamp.from(windowStart))
				.param("now", Timestamp.from(now))
				.param("key", key)
				.update();
			if (updated == 0) {
				try {
					this.jdbc.sql(INSERT).param("key", key).param("now", Timestamp.from(now)).update();
					return 1;
				}
				catch (DuplicateKeyException ex) {
					// Another instance counted the first attempt at the same moment: count on top of it.
					continue;
				}
			}
			return this.jdbc.sql(COUNT).param("key", key).query(Integer.class).optional().orElse(1);
		}
		return 1;
	}

	@Override
	public void lockUntil(String key, Instant until) {
		this.jdbc.sql(LOCK).param("until", Timestamp.from(until)).param("key", key).update();
	}

	@Override
	public Instant lockedUntil(Collection<String> keys) {
		return this.jdbc.sql(LOCKED_UNTIL)
			.param("keys", keys)
			.query((rs, row) -> {
				Timestamp until = rs.getTimestamp(1);
				return (until != null) ? until.toInstant() : null;
			})
			.optional()
			.orElse(null);
	}

	@Override
	public void reset(String key) {
		this.jdbc.sql(RESET).param("key", key).update();
	}

	@Override
	public int deleteIdleSince(Instant before) {
		return this.jdbc.sql(DELETE_IDLE).param("before", Timestamp.from(before)).update();
	}

}
