package dev.latchkey.throttle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link AttemptRepository} on the {@code latchkey_attempt} table. Increments are single atomic
 * updates; reservations lock their rows ({@code SELECT ... FOR UPDATE}, in key order so two
 * reservations never wait for each other in a cycle), so concurrent attempts on several
 * instances are serialised by the database.
 */
public final class JdbcAttemptRepository implements AttemptRepository {

	private static final String INCREMENT = """
			UPDATE latchkey_attempt
			SET attempts = CASE WHEN last_at < :windowStart THEN 1 ELSE attempts + 1 END,
			    locked_until = CASE WHEN last_at < :windowStart THEN NULL ELSE locked_until END,
			    last_at = :now
			WHERE attempt_key = :key""";

	private static final String INSERT = """
			INSERT INTO latchkey_attempt (attempt_key, attempts, last_at) VALUES (:key, :attempts, :now)""";

	private static final String COUNT = "SELECT attempts FROM latchkey_attempt WHERE attempt_key = :key";

	private static final String EXISTING = "SELECT attempt_key FROM latchkey_attempt WHERE attempt_key IN (:keys)";

	private static final String SELECT_FOR_UPDATE = """
			SELECT attempt_key, attempts, last_at, locked_until FROM latchkey_attempt
			WHERE attempt_key IN (:keys) ORDER BY attempt_key FOR UPDATE""";

	private static final String SAVE = """
			UPDATE latchkey_attempt SET attempts = :attempts, last_at = :lastAt, locked_until = :until
			WHERE attempt_key = :key""";

	private static final String LOCK = "UPDATE latchkey_attempt SET locked_until = :until WHERE attempt_key = :key";

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
				if (insert(key, 1, now)) {
					return 1;
				}
				// Another instance counted the first attempt at the same moment: count on top of it.
				continue;
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
	public void createMissing(Collection<String> keys, Instant now) {
		TreeSet<String> missing = new TreeSet<>(keys);
		missing.removeAll(this.jdbc.sql(EXISTING).param("keys", missing).query(String.class).list());
		// A racing instance may create the row first; either row will do.
		missing.forEach((key) -> insert(key, 0, now));
	}

	@Override
	public Map<String, Attempts> lockForUpdate(Collection<String> keys) {
		Map<String, Attempts> rows = new LinkedHashMap<>();
		this.jdbc.sql(SELECT_FOR_UPDATE).param("keys", new TreeSet<>(keys)).query((rs) -> {
			rows.put(rs.getString(1), attempts(rs));
		});
		return rows;
	}

	@Override
	public void save(String key, Attempts attempts) {
		this.jdbc.sql(SAVE)
			.param("attempts", attempts.count())
			.param("lastAt", Timestamp.from(attempts.lastAt()))
			.param("until", (attempts.lockedUntil() != null) ? Timestamp.from(attempts.lockedUntil()) : null)
			.param("key", key)
			.update();
	}

	@Override
	public void reset(String key) {
		this.jdbc.sql(RESET).param("key", key).update();
	}

	@Override
	public int deleteIdleSince(Instant before) {
		return this.jdbc.sql(DELETE_IDLE).param("before", Timestamp.from(before)).update();
	}

	private boolean insert(String key, int attempts, Instant now) {
		try {
			this.jdbc.sql(INSERT).param("key", key).param("attempts", attempts).param("now", Timestamp.from(now)).update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private static Attempts attempts(ResultSet rs) throws SQLException {
		Timestamp until = rs.getTimestamp(4);
		return new Attempts(rs.getInt(2), rs.getTimestamp(3).toInstant(), (until != null) ? until.toInstant() : null);
	}

}
