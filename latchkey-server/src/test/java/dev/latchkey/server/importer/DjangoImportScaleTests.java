package dev.latchkey.server.importer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.password.Argon2Parameters;
import dev.latchkey.password.DjangoPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 Django users (and 20,000 blacklisted tokens) from a generated SQLite database into
 * PostgreSQL, and into H2 for comparison, timed. Opt-in, it takes longer than the default suite should:
 * {@code mvn -o -B -pl latchkey-server test -Dtest=DjangoImportScaleTests -Dlatchkey.scale=true}.
 * The time is printed to the test's output ({@code target/surefire-reports/*-output.txt}).
 */
@EnabledIfSystemProperty(named = "latchkey.scale", matches = "true")
class DjangoImportScaleTests {

	static final int USERS = 100_000;

	static final int BLACKLISTED = 20_000;

	// Alice's hash from the fixtures: one precomputed hash for every row, hashing is not the point.
	static final String HASH = "pbkdf2_sha256$260000$H9Y2VL258bBm1087s7H4bR$WNBoXxpcmSW5R7DLmAatIH4MBlZ+lDOeRm5O7jasDK0=";

	static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	@TempDir
	Path directory;

	@ParameterizedTest
	@ValueSource(strings = { "PostgreSQL", "H2" })
	void runWhenHundredThousandUsersThenAllImportedAndTimed(String database) throws SQLException {
		Path django = generateDjangoDatabase(this.directory.resolve("django.sqlite3"));
		String name = "scale_" + System.nanoTime();
		DataSource latchkey = database.equals("H2") ? LatchkeyDatabase.h2(name) : LatchkeyDatabase.postgres(name);
		ByteArrayOutputStream log = new ByteArrayOutputStream();

		long started = System.nanoTime();
		ImportReport report;
		try (DjangoSource source = JdbcDjangoSource.open("jdbc:sqlite:" + django, null, null, null)) {
			report = new DjangoImporter(latchkey, Clock.fixed(NOW, ZoneOffset.UTC), ImportOptions.defaults(),
					new PrintStream(log, true, StandardCharsets.UTF_8)).run(source);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		System.out.printf("Imported %d users and %d blacklisted tokens into %s in %.1f s%n", report.usersImported(),
				report.tokensImported(), database, took.toMillis() / 1000.0);
		System.out.println(log.toString(StandardCharsets.UTF_8));
		assertThat(report.usersImported()).isEqualTo(USERS);
		assertThat(report.tokensImported()).isEqualTo(BLACKLISTED);
		assertThat(log.toString(StandardCharsets.UTF_8)).contains("100000 users read");
		JdbcClient jdbc = JdbcClient.create(latchkey);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM latchkey_user").query(Long.class).single()).isEqualTo(USERS);
		String hash = jdbc.sql("SELECT password FROM latchkey_user WHERE id = 54321").query(String.class).single();
		assertThat(new DjangoPasswordEncoder(Argon2Parameters.defaults()).matches("Correct-Horse-9", hash)).isTrue();

		long secondStarted = System.nanoTime();
		try (DjangoSource source = JdbcDjangoSource.open("jdbc:sqlite:" + django, null, null, null)) {
			ImportReport again = new DjangoImporter(latchkey, Clock.fixed(NOW, ZoneOffset.UTC),
					ImportOptions.defaults(), new PrintStream(log, true, StandardCharsets.UTF_8)).run(source);
			assertThat(again.changedNothing()).isTrue();
		}
		System.out.printf("Second (idempotent) run over the same 100000 users on %s: %.1f s%n", database,
				(System.nanoTime() - secondStarted) / 1e9);
	}

	/** Stock Django tables ({@code auth_user}, SimpleJWT's two), filled in one SQLite transaction. */
	private static Path generateDjangoDatabase(Path file) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
				Statement ddl = connection.createStatement()) {
			ddl.execute("""
					CREATE TABLE auth_user (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, password varchar(128) NOT NULL,
					  last_login datetime NULL, is_superuser bool NOT NULL, username varchar(150) NOT NULL UNIQUE,
					  first_name varchar(150) NOT NULL, last_name varchar(150) NOT NULL, email varchar(254) NOT NULL,
					  is_staff bool NOT NULL, is_active bool NOT NULL, date_joined datetime NOT NULL)""");
			ddl.execute("""
					CREATE TABLE token_blacklist_outstandingtoken (token text NOT NULL, created_at datetime NULL,
					  expires_at datetime NOT NULL, user_id bigint NULL, jti varchar(255) NOT NULL UNIQUE,
					  id integer NOT NULL PRIMARY KEY AUTOINCREMENT)""");
			ddl.execute("""
					CREATE TABLE token_blacklist_blacklistedtoken (blacklisted_at datetime NOT NULL,
					  token_id bigint NOT NULL UNIQUE, id integer NOT NULL PRIMARY KEY AUTOINCREMENT)""");
			connection.setAutoCommit(false);
			try (PreparedStatement users = connection.prepareStatement("""
					INSERT INTO auth_user (id, password, last_login, is_superuser, username, first_name, last_name, email,
					  is_staff, is_active, date_joined) VALUES (?, ?, NULL, 0, ?, ?, ?, ?, 0, 1, '2024-03-01 09:30:00')""")) {
				for (int id = 1; id <= USERS; id++) {
					users.setInt(1, id);
					users.setString(2, HASH);
					users.setString(3, "user" + id);
					users.setString(4, "First" + id);
					users.setString(5, "Last");
					users.setString(6, "user" + id + "@example.com");
					users.addBatch();
				}
				users.executeBatch();
			}
			try (PreparedStatement tokens = connection.prepareStatement("""
					INSERT INTO token_blacklist_outstandingtoken (id, token, created_at, expires_at, user_id, jti)
					VALUES (?, 'x', '2025-12-31 12:00:00', '2026-01-02 12:00:00', ?, ?)""");
					PreparedStatement blacklisted = connection.prepareStatement("""
							INSERT INTO token_blacklist_blacklistedtoken (token_id, blacklisted_at)
							VALUES (?, '2025-12-31 13:00:00.123456')""")) {
				for (int id = 1; id <= BLACKLISTED; id++) {
					tokens.setInt(1, id);
					tokens.setInt(2, id * (USERS / BLACKLISTED));
					tokens.setString(3, String.format("%032x", id));
					tokens.addBatch();
					blacklisted.setInt(1, id);
					blacklisted.addBatch();
				}
				tokens.executeBatch();
				blacklisted.executeBatch();
			}
			connection.commit();
		}
		return file;
	}

}
