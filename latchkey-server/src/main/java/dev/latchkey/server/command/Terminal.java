package dev.latchkey.server.command;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Where interactive commands ask their questions: the console when there is one (passwords are
 * then not echoed), else lines of standard input with the prompts on standard output.
 */
final class Terminal {

	private final Console console;

	private final BufferedReader reader;

	private final PrintStream prompts;

	private Terminal(Console console, BufferedReader reader, PrintStream prompts) {
		this.console = console;
		this.reader = reader;
		this.prompts = prompts;
	}

	/** The process's console, or its standard input when there is none (input piped in). */
	static Terminal system() {
		Console console = System.console();
		return new Terminal(console, new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
				System.out);
	}

	/** UTF-8 lines of {@code input}, prompts written to {@code prompts} (for tests). */
	static Terminal of(InputStream input, PrintStream prompts) {
		return new Terminal(null, new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8)), prompts);
	}

	/** @return the line typed, or {@code null} at the end of input */
	String readLine(String prompt) {
		if (this.console != null) {
			return this.console.readLine("%s", prompt);
		}
		this.prompts.print(prompt);
		this.prompts.flush();
		try {
			return this.reader.readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** @return the password typed, not echoed on a console, or {@code null} at the end of input */
	String readPassword(String prompt) {
		if (this.console != null) {
			char[] password = this.console.readPassword("%s", prompt);
			return (password != null) ? new String(password) : null;
		}
		return readLine(prompt);
	}

}
