package dev.latchkey.server.importer;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The identity sequence of {@code latchkey_user.id}, moved past the imported ids so the next
 * sign-up does not collide with them. It only ever moves forward: an id is never handed out twice,
 * so a token still carrying a deleted user's id can never name someone else.
 */
final class JdbcIdentitySequence {

	private static final String MAX_ID = "SELECT COALESCE(MAX(id), 0) FROM latchkey_user";

	private static final String H2_NEXT = """
			SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS
			WHERE LOWER(TABLE_NAME) = 'latchkey_user' AND LOWER(COLUMN_NAME) = 'id' AND TABLE_SCHEMA = CURRENT_SCHEMA""";

	// DDL takes no bind parameters; the value is a long formatted by us.
	private static final String H2_RESTART = "ALTER TABLE latchkey_user ALTER COLUMN id RESTART WITH %d";

	private static final String POSTGRESQL_SEQUENCE = "SELECT pg_get_serial_sequence('latchkey_user', 'id')";

	// The sequence name comes from PostgreSQL itself (pg_get_serial_sequence), never from input.
	private static final String POSTGRESQL_NEXT = "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM %s";

	private static final String POSTGRESQL_SET = "SELECT setval(pg_get_serial_sequence('latchkey_user', 'id'), :value)";

	private final JdbcClient jdbc;

	private final String product;

	private JdbcIdentitySequence(JdbcClient jdbc, String product) {
		this.jdbc = jdbc;
		this.product = product;
	}

	static JdbcIdentitySequence of(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return new JdbcIdentitySequence(JdbcClient.create(dataSource), product.toLowerCase(Locale.ROOT));
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot read the database's metadata: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Make the next generated id greater than every stored id and {@code plannedMaximum}.
	 * @param plannedMaximum the highest id a dry run would have imported, 0 otherwise
	 * @param dryRun only tell what would change
	 * @return the next id before and after
	 */
	IdentityMove movePast(long plannedMaximum, boolean dryRun) {
		long target = Math.max(this.jdbc.sql(MAX_ID).query(Long.class).single(), plannedMaximum) + 1;
		if (this.product.contains("h2")) {
			long next = this.jdbc.sql(H2_NEXT).query(Long.class).single();
			if (target > next && !dryRun) {
				this.jdbc.sql(H2_RESTART.formatted(target)).update();
			}
			return new IdentityMove(next, Math.max(next, target), true);
		}
		if (this.product.contains("postgres")) {
			String sequence = this.jdbc.sql(POSTGRESQL_SEQUENCE).query(String.class).single();
			long next = this.jdbc.sql(POSTGRESQL_NEXT.formatted(sequence)).query(Long.class).single();
			if (target > next && !dryRun) {
				this.jdbc.sql(POSTGRESQL_SET).param("value", target - 1).query(Long.class).single();
			}
			return new IdentityMove(next, Math.max(next, target), true);
		}
		return new IdentityMove(target, target, false);
	}

	/**
	 * @param before the id the next sign-up would have had
	 * @param after the id it gets now
	 * @param supported whether the database was one whose sequence the importer knows how to move
	 */
	record IdentityMove(long before, long after, boolean supported) {

		boolean moved() {
			return this.after > this.before;
		}

	}

}
