package dev.latchkey.server.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.latchkey.server.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JdbcDjangoSourceTests {

	// The tables Django 3.2 creates on PostgreSQL for the seed's user model and SimpleJWT's blacklist app.
	private static final String[] POSTGRES_DJANGO_SCHEMA = { """
			CREATE TABLE users (id bigserial PRIMARY KEY, password varchar(128) NOT NULL,
			  last_login timestamp with time zone NULL, is_superuser boolean NOT NULL, first_name varchar(150) NOT NULL,
			  last_name varchar(150) NOT NULL, email varchar(254) NOT NULL, is_staff boolean NOT NULL,
			  is_active boolean NOT NULL, date_joined timestamp with time zone NOT NULL,
			  username varchar(256) NOT NULL UNIQUE, name varchar(256) NOT NULL)""", """
			CREATE TABLE token_blacklist_outstandingtoken (id bigserial PRIMARY KEY, token text NOT NULL,
			  created_at timestamp with time zone NULL, expires_at timestamp with time zone NOT NULL,
			  user_id bigint NULL REFERENCES users (id), jti varchar(255) NOT NULL UNIQUE)""", """
			CREATE TABLE token_blacklist_blacklistedtoken (id bigserial PRIMARY KEY,
			  blacklisted_at timestamp with time zone NOT NULL,
			  token_id bigint NOT NULL UNIQUE REFERENCES token_blacklist_outstandingtoken (id))""" };

	@TempDir
	Path directory;

	@Test
	void openWhenDjangoOnPostgresqlThenReadsWhatTheSqliteFileHolds() throws SQLException {
		String url = TestPostgres.url("django_seed");
		copySeedInto(url);

		try (DjangoSource postgres = JdbcDjangoSource.open(url, "postgres", "", null);
				DjangoSource sqlite = JdbcDjangoSource.open(DjangoFixtures.sqliteUrl("seed-users.sqlite3"), null, null,
						null)) {
			assertThat(postgres.description()).startsWith("table users of jdbc:postgresql:");
			assertThat(users(postgres)).hasSize(8).isEqualTo(users(sqlite));
			assertThat(tokens(postgres)).hasSize(2).isEqualTo(tokens(sqlite));
		}
	}

	@Test
	void openWhenStockAuthUserThenNameJoinsFirstAndLastAndNoTokens() {
		try (DjangoSource source = JdbcDjangoSource.open(DjangoFixtures.sqliteUrl("auth-user.sqlite3"), null, null, null)) {
			List<DjangoUser> users = users(source);
			assertThat(users).extracting(DjangoUser::name)
				.containsExactly("Alice Kim", "Bob", "Carol Lee", "Dave Admin", "Erin", "", "지민 박", "Grace");
			assertThat(tokens(source)).isEmpty();
		}
	}

	@Test
	void openWhenBothUserTablesThenAsksWhichOne() throws SQLException {
		String url = sqlite("both.sqlite3", "CREATE TABLE users (id integer, username text, password text)",
				"CREATE TABLE auth_user (id integer, username text, password text)");

		assertThatExceptionOfType(DjangoSourceException.class).isThrownBy(() -> JdbcDjangoSource.open(url, null, null, null))
			.withMessage("Both users and auth_user exist; choose one with --table");
		try (DjangoSource chosen = JdbcDjangoSource.open(url, null, null, "auth_user")) {
			assertThat(chosen.description()).startsWith("table auth_user of ");
		}
	}

	@Test
	void openWhenNoUserTableOrNotOneThenSaysWhatIsWrong() throws SQLException {
		String url = sqlite("other.sqlite3", "CREATE TABLE people (id integer, username text)");

		assertThatExceptionOfType(DjangoSourceException.class).isThrownBy(() -> JdbcDjangoSource.open(url, null, null, null))
			.withMessage("No Django user table found (looked for users and auth_user); name it with --table");
		assertThatExceptionOfType(DjangoSourceException.class)
			.isThrownBy(() -> JdbcDjangoSource.open(url, null, null, "people"))
			.withMessage("Table people has no password column: not a Django user table");
		assertThatExceptionOfType(DjangoSourceException.class)
			.isThrownBy(() -> JdbcDjangoSource.open(url, null, null, "people; DROP TABLE people"))
			.withMessage("Not a table name: 'people; DROP TABLE people'");
	}

	@Test
	void openWhenSqliteFileMissingThenFailsWithoutCreatingIt() {
		Path missing = this.directory.resolve("missing.sqlite3");

		assertThatExceptionOfType(DjangoSourceException.class)
			.isThrownBy(() -> JdbcDjangoSource.open("jdbc:sqlite:" + missing, null, null, null))
			.withMessageStartingWith("Cannot connect to the Django database jdbc:sqlite:" + missing);
		assertThat(Files.exists(missing)).isFalse();
	}

	static List<DjangoUser> users(DjangoSource source) {
		List<DjangoUser> users = new ArrayList<>();
		source.forEachUser(users::add);
		return users;
	}

	static List<DjangoToken> tokens(DjangoSource source) {
		List<DjangoToken> tokens = new ArrayList<>();
		source.forEachBlacklistedToken(tokens::add);
		return tokens;
	}

	private String sqlite(String file, String... ddl) throws SQLException {
		String url = "jdbc:sqlite:" + this.directory.resolve(file);
		try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
			for (String sql : ddl) {
				statement.execute(sql);
			}
		}
		return url;
	}

	/** The seed's rows, as Django on PostgreSQL would hold them (real booleans and timestamptz). */
	private static void copySeedInto(String url) throws SQLException {
		try (Connection from = DriverManager.getConnection(DjangoFixtures.sqliteUrl("seed-users.sqlite3"));
				Connection to = DriverManager.getConnection(url, "postgres", "");
				Statement ddl = to.createStatement()) {
			ddl.execute("DROP TABLE IF EXISTS token_blacklist_blacklistedtoken, token_blacklist_outstandingtoken, users");
			for (String sql : POSTGRES_DJANGO_SCHEMA) {
				ddl.execute(sql);
			}
			copy(from, to, "SELECT id, password, last_login, is_superuser, first_name, last_name, email, is_staff, "
					+ "is_active, date_joined, username, name FROM users",
					"INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new int[] { 3, 10 }, new int[] { 4, 8, 9 });
			copy(from, to, "SELECT id, token, created_at, expires_at, user_id, jti FROM token_blacklist_outstandingtoken",
					"INSERT INTO token_blacklist_outstandingtoken VALUES (?, ?, ?, ?, ?, ?)", new int[] { 3, 4 }, new int[0]);
			copy(from, to, "SELECT id, blacklisted_at, token_id FROM token_blacklist_blacklistedtoken",
					"INSERT INTO token_blacklist_blacklistedtoken VALUES (?, ?, ?)", new int[] { 2 }, new int[0]);
		}
	}

	private static void copy(Connection from, Connection to, String select, String insert, int[] datetimes,
			int[] booleans) throws SQLException {
		try (Statement query = from.createStatement(); ResultSet rs = query.executeQuery(select);
				PreparedStatement statement = to.prepareStatement(insert)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				for (int i = 1; i <= columns; i++) {
					statement.setObject(i, value(rs, i, datetimes, booleans));
				}
				statement.executeUpdate();
			}
		}
	}

	private static Object value(ResultSet rs, int column, int[] datetimes, int[] booleans) throws SQLException {
		for (int datetime : datetimes) {
			if (datetime == column) {
				Instant instant = DjangoValues.instant(rs.getString(column));
				return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
			}
		}
		for (int bool : booleans) {
			if (bool == column) {
				return rs.getInt(column) != 0;
			}
		}
		return rs.getObject(column);
	}

}
