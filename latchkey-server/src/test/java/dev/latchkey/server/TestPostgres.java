package dev.latchkey.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server (zonky's embedded binaries) for the whole test run, with a database
 * per test class so classes do not see each other's rows. Stopped by zonky's shutdown hook.
 */
public final class TestPostgres {

	private static EmbeddedPostgres server;

	private TestPostgres() {
	}

	static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return server;
	}

	/** Create {@code database} if needed and point Spring's data source at it. */
	public static void register(DynamicPropertyRegistry registry, String database) {
		String url = url(database);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	public static synchronized String url(String database) {
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
			if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").next()) {
				statement.execute("CREATE DATABASE " + database);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return server().getJdbcUrl("postgres", database);
	}

}
