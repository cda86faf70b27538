package dev.latchkey.server.importer;

import javax.sql.DataSource;

/**
 * The importer into the embedded H2 database in PostgreSQL mode, as the default server runs.
 */
class H2DjangoImporterTests extends AbstractDjangoImporterTests {

	@Override
	DataSource newDatabase(String name) {
		return LatchkeyDatabase.h2(name);
	}

}
