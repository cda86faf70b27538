package dev.latchkey.database;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks that the database answers and accepts writes: one read, and one {@code UPDATE} that
 * matches no row (it changes nothing and writes no log, but a read-only database refuses it).
 * Both are cancelled after the timeout.
 */
public final class DatabaseProbe {

	static final String READ = "SELECT COUNT(*) FROM latchkey_attempt WHERE 1 = 0";

	static final String WRITE = "UPDATE latchkey_attempt SET attempts = attempts WHERE 1 = 0";

	private final JdbcTemplate jdbc;

	/**
	 * @param dataSource the database
	 * @param timeoutSeconds statement timeout, at least 1
	 */
	public DatabaseProbe(DataSource dataSource, int timeoutSeconds) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setQueryTimeout(Math.max(1, timeoutSeconds));
	}

	/**
	 * Run the check.
	 * @throws RuntimeException as the database fails; {@link DatabaseFailures} tells which way
	 */
	public void check() {
		this.jdbc.queryForObject(READ, Long.class);
		this.jdbc.update(WRITE);
	}

}
