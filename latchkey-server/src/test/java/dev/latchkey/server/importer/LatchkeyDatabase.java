package dev.latchkey.server.importer;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import dev.latchkey.server.TestPostgres;

/**
 * A fresh Latchkey database for a test, with the starter's migrations applied as the server
 * applies them: in-memory H2 in PostgreSQL mode, or a new database on the shared PostgreSQL.
 */
final class LatchkeyDatabase {

	private LatchkeyDatabase() {
	}

	static DataSource h2(String name) {
		return migrate(new DriverManagerDataSource("jdbc:h2:mem:" + name
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""));
	}

	static DataSource postgres(String name) {
		return migrate(new DriverManagerDataSource(TestPostgres.url(name), "postgres", ""));
	}

	/** Empty Latchkey's tables (a test class's databases outlive its tests). */
	static void clear(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (String table : new String[] { "latchkey_blacklisted_token", "latchkey_outstanding_token",
				"latchkey_session", "latchkey_attempt", "latchkey_user" }) {
			jdbc.sql("DELETE FROM " + table).update();
		}
	}

	private static DataSource migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/latchkey/migration")
			.table("latchkey_schema_history")
			.load()
			.migrate();
		return dataSource;
	}

}
