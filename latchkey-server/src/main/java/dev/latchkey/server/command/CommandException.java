package dev.latchkey.server.command;

/**
 * The command cannot do its work (an unknown user, a taken username, a rejected password, an
 * unreadable source), with a message for the operator; the command exits with 1. Django's
 * {@code CommandError}.
 */
class CommandException extends RuntimeException {

	CommandException(String message) {
		super(message);
	}

	CommandException(String message, Throwable cause) {
		super(message, cause);
	}

}
