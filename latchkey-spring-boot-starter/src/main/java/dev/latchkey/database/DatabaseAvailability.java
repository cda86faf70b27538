package dev.latchkey.database;

/**
 * Whether the database is believed to answer right now, from memory: lets a cache serve its last
 * known value at once during an outage instead of waiting for every read to time out.
 */
@FunctionalInterface
public interface DatabaseAvailability {

	/** Always available: every read is attempted. */
	DatabaseAvailability ALWAYS = () -> true;

	boolean isAvailable();

}
