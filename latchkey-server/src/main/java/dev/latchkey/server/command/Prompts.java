package dev.latchkey.server.command;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * Django's interactive questions: ask, print each problem with the answer as
 * {@code Error: ...}, ask again, and give up after three tries.
 */
final class Prompts {

	static final int ATTEMPTS = 3;

	static final String MISMATCH = "Your passwords didn't match.";

	static final String BLANK = "Blank passwords aren't allowed.";

	private final Terminal terminal;

	private final PrintStream err;

	Prompts(Terminal terminal, PrintStream err) {
		this.terminal = terminal;
		this.err = err;
	}

	/**
	 * @param prompt e.g. {@code "Username: "}
	 * @param problems what is wrong with an answer; empty when it is acceptable
	 * @throws CommandException at the end of input or after three unacceptable answers
	 */
	String ask(String prompt, Function<String, List<String>> problems) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			String answer = this.terminal.readLine(prompt);
			if (answer == null) {
				throw new CommandException("No more input; nothing was changed.");
			}
			if (report(problems.apply(answer.strip()))) {
				return answer.strip();
			}
		}
		throw new CommandException("Giving up after " + ATTEMPTS + " attempts; nothing was changed.");
	}

	/**
	 * Ask for a new password twice.
	 * @param problems the password validators' messages for a candidate
	 * @throws CommandException at the end of input or after three unacceptable answers
	 */
	String askNewPassword(Function<String, List<String>> problems) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			String password = this.terminal.readPassword("Password: ");
			String again = (password != null) ? this.terminal.readPassword("Password (again): ") : null;
			if (password == null || again == null) {
				throw new CommandException("No more input; nothing was changed.");
			}
			if (!password.equals(again)) {
				report(List.of(MISMATCH));
			}
			else if (password.isBlank()) {
				report(List.of(BLANK));
			}
			else if (report(problems.apply(password))) {
				return password;
			}
		}
		throw new CommandException("Giving up after " + ATTEMPTS + " attempts; nothing was changed.");
	}

	/** @return whether there was nothing to report */
	private boolean report(List<String> problems) {
		problems.forEach((problem) -> this.err.println("Error: " + problem));
		return problems.isEmpty();
	}

}
