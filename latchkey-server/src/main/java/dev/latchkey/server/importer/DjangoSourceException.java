package dev.latchkey.server.importer;

/**
 * The Django data cannot be read: a missing table or column, an unreadable file, a value of an
 * unexpected type. The message names what is wrong, for the operator running the import.
 */
public class DjangoSourceException extends RuntimeException {

	public DjangoSourceException(String message) {
		super(message);
	}

	public DjangoSourceException(String message, Throwable cause) {
		super(message, cause);
	}

}
