package dev.latchkey.server.command;

/**
 * The command line is wrong: an unknown command or option, a missing value or argument. The
 * operator's mistake; the command exits with 2 and points at {@code --help}.
 */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
