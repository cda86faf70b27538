package dev.latchkey.database;

/**
 * The database answers but refuses writes, found at start-up: Latchkey cannot record a sign-up,
 * login or revocation, so it does not start.
 */
public final class ReadOnlyDatabaseException extends IllegalStateException {

	public ReadOnlyDatabaseException(Throwable cause) {
		super("The database is read only: Latchkey must write to it (for the embedded H2 database, check that "
				+ "the data directory and its files are writable by this user)", cause);
	}

}
