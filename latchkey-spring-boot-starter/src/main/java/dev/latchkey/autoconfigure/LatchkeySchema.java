package dev.latchkey.autoconfigure;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Latchkey's own tables, migrated by Flyway from {@code db/latchkey/migration} with a history
 * table of their own, so they live beside the application's migrations without touching them.
 */
public final class LatchkeySchema {

	static final String LOCATION = "classpath:db/latchkey/migration";

	static final String HISTORY_TABLE = "latchkey_schema_history";

	private LatchkeySchema() {
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

}
