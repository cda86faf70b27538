package dev.latchkey.server.command;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command talks to: its output, its error stream, the terminal it asks questions on and
 * the environment it reads passwords from. Tests pass their own.
 *
 * @param out results
 * @param err errors, warnings and progress
 * @param terminal interactive questions
 * @param env environment variables ({@code DJANGO_SUPERUSER_PASSWORD}, ...)
 */
record CommandIo(PrintStream out, PrintStream err, Terminal terminal, Map<String, String> env) {

	static CommandIo system() {
		return new CommandIo(System.out, System.err, Terminal.system(), System.getenv());
	}

	/** The first of these environment variables that is set and not empty. */
	String env(String... names) {
		for (String name : names) {
			String value = this.env.get(name);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

}
