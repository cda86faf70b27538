package dev.latchkey.server.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Django database holds for the importer: which table has the users and with which
 * columns, and whether SimpleJWT's {@code token_blacklist} app is installed.
 *
 * @param userTable the user table: as named, else {@code users} or {@code auth_user}
 * @param columns its column names, lower case
 * @param hasTokenTables whether both {@code token_blacklist} tables exist
 */
record JdbcDjangoSchema(String userTable, Set<String> columns, boolean hasTokenTables) {

	static final List<String> USER_TABLES = List.of("users", "auth_user");

	static final List<String> REQUIRED_COLUMNS = List.of("id", "username", "password");

	private static final List<String> TOKEN_TABLES = List.of("token_blacklist_outstandingtoken",
			"token_blacklist_blacklistedtoken");

	// A table name goes into SQL text: only plain (optionally schema-qualified) identifiers.
	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

	/**
	 * @param requestedTable the table named by the operator, or {@code null} to look for one
	 * @throws DjangoSourceException when there is no single Django user table
	 */
	static JdbcDjangoSchema inspect(Connection connection, String requestedTable) throws SQLException {
		Set<String> tables = tableNames(connection);
		String table = chooseTable(tables, requestedTable);
		return new JdbcDjangoSchema(table, columns(connection, table), tables.containsAll(TOKEN_TABLES));
	}

	boolean has(String column) {
		return this.columns.contains(column);
	}

	private static Set<String> tableNames(Connection connection) throws SQLException {
		Set<String> names = new LinkedHashSet<>();
		try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

	private static String chooseTable(Set<String> tables, String requested) {
		if (requested != null) {
			if (!IDENTIFIER.matcher(requested).matches()) {
				throw new DjangoSourceException("Not a table name: '" + requested + "'");
			}
			return requested;
		}
		List<String> found = USER_TABLES.stream().filter(tables::contains).toList();
		if (found.isEmpty()) {
			throw new DjangoSourceException("No Django user table found (looked for "
					+ String.join(" and ", USER_TABLES) + "); name it with --table");
		}
		if (found.size() > 1) {
			throw new DjangoSourceException("Both " + String.join(" and ", found) + " exist; choose one with --table");
		}
		return found.get(0);
	}

	private static Set<String> columns(Connection connection, String table) {
		Set<String> columns = new LinkedHashSet<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
				ResultSet rs = statement.executeQuery()) {
			ResultSetMetaData metaData = rs.getMetaData();
			for (int i = 1; i <= metaData.getColumnCount(); i++) {
				columns.add(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT));
			}
		}
		catch (SQLException ex) {
			throw new DjangoSourceException("Cannot read table " + table + ": " + ex.getMessage(), ex);
		}
		for (String required : REQUIRED_COLUMNS) {
			if (!columns.contains(required)) {
				throw new DjangoSourceException("Table " + table + " has no " + required + " column: not a Django user table");
			}
		}
		return columns;
	}

}
