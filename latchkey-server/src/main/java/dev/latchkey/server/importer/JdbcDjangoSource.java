package dev.latchkey.server.importer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads a Django database over JDBC, read-only: SQLite ({@code jdbc:sqlite:/path/db.sqlite3},
 * through xerial's driver) or PostgreSQL ({@code jdbc:postgresql://...}). The user table is the
 * one named, else {@code users} (the seed's custom model) or {@code auth_user} (stock Django);
 * blacklisted tokens come from SimpleJWT's {@code token_blacklist} tables when they exist.
 */
public final class JdbcDjangoSource implements DjangoSource {

	private static final String SELECT_BLACKLISTED = """
			SELECT o.jti, o.user_id, o.created_at, o.expires_at, b.blacklisted_at
			FROM token_blacklist_outstandingtoken o
			JOIN token_blacklist_blacklistedtoken b ON b.token_id = o.id
			ORDER BY o.id""";

	private static final List<String> OPTIONAL_COLUMNS = List.of("name", "first_name", "last_name", "email",
			"is_active", "is_staff", "is_superuser", "date_joined", "last_login");

	private static final int FETCH_SIZE = 1000;

	private final String url;

	private final Connection connection;

	private final JdbcDjangoSchema schema;

	private JdbcDjangoSource(String url, Connection connection, JdbcDjangoSchema schema) {
		this.url = url;
		this.connection = connection;
		this.schema = schema;
	}

	/**
	 * Connect to a Django database and find its user table.
	 * @param url JDBC URL of the Django database
	 * @param user database user, or {@code null}
	 * @param password database password, or {@code null}
	 * @param table the user table, or {@code null} to look for {@code users} then {@code auth_user}
	 * @throws DjangoSourceException when it cannot connect or the table is not a Django user table
	 */
	public static JdbcDjangoSource open(String url, String user, String password, String table) {
		Connection connection = connect(url, user, password);
		try {
			return new JdbcDjangoSource(url, connection, JdbcDjangoSchema.inspect(connection, table));
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			throw (ex instanceof DjangoSourceException source) ? source
					: new DjangoSourceException("Cannot read the Django database " + url + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public String description() {
		return "table " + this.schema.userTable() + " of " + this.url;
	}

	@Override
	public void forEachUser(Consumer<DjangoUser> action) {
		List<String> selected = new ArrayList<>(JdbcDjangoSchema.REQUIRED_COLUMNS);
		OPTIONAL_COLUMNS.stream().filter(this.schema::has).forEach(selected::add);
		String sql = "SELECT " + String.join(", ", selected) + " FROM " + this.schema.userTable() + " ORDER BY id";
		query(sql, (rs) -> action.accept(user(rs)));
	}

	@Override
	public void forEachBlacklistedToken(Consumer<DjangoToken> action) {
		if (this.schema.hasTokenTables()) {
			query(SELECT_BLACKLISTED, (rs) -> action.accept(token(rs)));
		}
	}

	@Override
	public void close() {
		closeQuietly(this.connection);
	}

	private void query(String sql, RowAction action) {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			// With autocommit off and a fetch size, PostgreSQL streams rows instead of loading them all.
			statement.setFetchSize(FETCH_SIZE);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					action.accept(rs);
				}
			}
		}
		catch (SQLException ex) {
			throw new DjangoSourceException("Cannot read " + description() + ": " + ex.getMessage(), ex);
		}
	}

	private DjangoUser user(ResultSet rs) throws SQLException {
		String name = this.schema.has("name") ? rs.getString("name")
				: DjangoUser.fullName(optional(rs, "first_name"), optional(rs, "last_name"));
		return new DjangoUser(rs.getLong("id"), rs.getString("username"), (name != null) ? name : "",
				orEmpty(optional(rs, "email")), rs.getString("password"), flag(rs, "is_active", true),
				flag(rs, "is_staff", false), flag(rs, "is_superuser", false), instant(rs, "date_joined"),
				instant(rs, "last_login"));
	}

	private static DjangoToken token(ResultSet rs) throws SQLException {
		long userId = rs.getLong("user_id");
		return new DjangoToken(rs.getString("jti"), rs.wasNull() ? null : userId,
				DjangoValues.instant(rs.getObject("created_at")), DjangoValues.instant(rs.getObject("expires_at")),
				DjangoValues.instant(rs.getObject("blacklisted_at")));
	}

	private String optional(ResultSet rs, String column) throws SQLException {
		return this.schema.has(column) ? rs.getString(column) : null;
	}

	private boolean flag(ResultSet rs, String column, boolean absent) throws SQLException {
		return this.schema.has(column) ? DjangoValues.bool(rs.getObject(column)) : absent;
	}

	private Instant instant(ResultSet rs, String column) throws SQLException {
		return this.schema.has(column) ? DjangoValues.instant(rs.getObject(column)) : null;
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	private static Connection connect(String url, String user, String password) {
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		if (url.startsWith("jdbc:sqlite:")) {
			// SQLITE_OPEN_READONLY: the importer must never write to, or create, the Django database.
			properties.setProperty("open_mode", "1");
		}
		try {
			Connection connection = DriverManager.getConnection(url, properties);
			connection.setAutoCommit(false);
			return connection;
		}
		catch (SQLException ex) {
			throw new DjangoSourceException("Cannot connect to the Django database " + url + ": " + ex.getMessage(), ex);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.rollback();
			connection.close();
		}
		catch (SQLException ex) {
			// Nothing was written: there is nothing to lose on a failed close.
		}
	}

	@FunctionalInterface
	private interface RowAction {

		void accept(ResultSet rs) throws SQLException;

	}

}
