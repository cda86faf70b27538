package dev.latchkey.server.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Every problem found with a command's non-interactive input, so the operator sees them all at
 * once (as DRF shows every field error), then one {@link CommandException}.
 */
final class Problems {

	private final List<String> lines = new ArrayList<>();

	Problems add(String field, List<String> messages) {
		messages.forEach((message) -> this.lines.add(field + ": " + message));
		return this;
	}

	/** @throws CommandException listing every problem, one per line, if there is any */
	void throwIfAny() {
		if (!this.lines.isEmpty()) {
			throw new CommandException(String.join(System.lineSeparator(), this.lines));
		}
	}

}
