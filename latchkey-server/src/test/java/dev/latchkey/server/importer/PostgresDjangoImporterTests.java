package dev.latchkey.server.importer;

import javax.sql.DataSource;

/**
 * The importer into a real PostgreSQL (zonky's embedded binaries), a new database per test.
 */
class PostgresDjangoImporterTests extends AbstractDjangoImporterTests {

	@Override
	DataSource newDatabase(String name) {
		return LatchkeyDatabase.postgres(name);
	}

}
