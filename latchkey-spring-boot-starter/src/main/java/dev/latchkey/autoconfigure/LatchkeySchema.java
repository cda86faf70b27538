package dev.latchkey.autoconfigure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Latchkey's own tables, migrated by Flyway from {@code db/latchkey/migration} with a history
 * table of their own, so they live beside the application's migrations without touching them.
 * When the application keeps its users in a table of its own (it declares a
 * {@code UserRepository}), Latchkey's tables stop referencing {@code latchkey_user}: the foreign
 * keys of sessions, tokens and sign-up fields are dropped, since the user ids are the
 * application's.
 */
public final class LatchkeySchema {

	static final String LOCATION = "classpath:db/latchkey/migration";

	static final String HISTORY_TABLE = "latchkey_schema_history";

	private LatchkeySchema() {
	}

	/** Tables whose {@code user_id} referenced {@code latchkey_user} in the migrations. */
	private static final List<String> USER_REFERENCES = List.of("latchkey_session", "latchkey_user_field",
			"latchkey_outstanding_token", "latchkey_totp", "latchkey_recovery_code", "latchkey_passkey_user",
			"latchkey_passkey");

	static LatchkeySchema migrate(DataSource dataSource, boolean ownUserStore) {
		LatchkeySchema schema = migrate(dataSource);
		if (ownUserStore) {
			dropUserReferences(dataSource);
		}
		return schema;
	}

	static LatchkeySchema migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations(LOCATION)
			.table(HISTORY_TABLE)
			// An application database that already has tables of its own is fine.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		return new LatchkeySchema();
	}

	/** Idempotent: finds the constraints by their target, whatever name the database gave them. */
	private static void dropUserReferences(DataSource dataSource) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Statement statement = connection.createStatement()) {
			for (String table : USER_REFERENCES) {
				for (String constraint : foreignKeysToUsers(connection.getMetaData(), table)) {
					// Quoted: the name exactly as the database reported it, whatever its identifier case rules.
					statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + constraint + "\"");
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop the references of Latchkey's tables to latchkey_user", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static List<String> foreignKeysToUsers(DatabaseMetaData metaData, String table) throws SQLException {
		List<String> names = new ArrayList<>();
		for (String spelling : List.of(table, table.toUpperCase(Locale.ROOT))) {
			try (ResultSet keys = metaData.getImportedKeys(null, null, spelling)) {
				while (keys.next()) {
					if ("latchkey_user".equalsIgnoreCase(keys.getString("PKTABLE_NAME")) && keys.getString("FK_NAME") != null) {
						names.add(keys.getString("FK_NAME"));
					}
				}
			}
			if (!names.isEmpty()) {
				break;
			}
		}
		return names;
	}

}
