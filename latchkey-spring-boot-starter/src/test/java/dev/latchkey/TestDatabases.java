package dev.latchkey;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh in-memory H2 database in PostgreSQL mode with Latchkey's migrations applied, for the
 * tests that run a repository contract against the JDBC implementations.
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	/** A new, empty, migrated database of its own. */
	public static DataSource migrated() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:contract-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/latchkey/migration")
			.table("latchkey_schema_history")
			.load()
			.migrate();
		return dataSource;
	}

	public static TransactionOperations transactions(DataSource dataSource) {
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** Insert a user row, so rows that reference {@code latchkey_user} may point at it; returns its id. */
	public static long insertUser(DataSource dataSource, String username) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("INSERT INTO latchkey_user (username, password) VALUES (:username, '!')")
			.param("username", username)
			.update();
		return jdbc.sql("SELECT id FROM latchkey_user WHERE username = :username")
			.param("username", username)
			.query(Long.class)
			.single();
	}

}
