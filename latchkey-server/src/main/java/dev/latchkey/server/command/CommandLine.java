package dev.latchkey.server.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command's arguments, parsed: its own options ({@code --name value} or {@code --name=value}),
 * plain arguments, and Spring properties ({@code --spring.datasource.url=...}: any option whose
 * name has a dot), which go to the application context unchanged, as the server takes them.
 */
final class CommandLine {

	static final String HELP = "help";

	private final Map<String, String> options;

	private final List<String> positionals;

	private final List<String> springArgs;

	private CommandLine(Map<String, String> options, List<String> positionals, List<String> springArgs) {
		this.options = options;
		this.positionals = positionals;
		this.springArgs = springArgs;
	}

	/**
	 * @param args the arguments after the command's name
	 * @throws UsageException for an option the command does not take, or a missing value
	 */
	static CommandLine parse(List<String> args, CommandSpec spec) {
		Map<String, String> options = new LinkedHashMap<>();
		List<String> positionals = new ArrayList<>();
		List<String> springArgs = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("-h") || arg.equals("--help")) {
				options.put(HELP, "");
			}
			else if (arg.startsWith("--") && arg.length() > 2) {
				int equals = arg.indexOf('=');
				String name = arg.substring(2, (equals > 0) ? equals : arg.length());
				if (name.contains(".")) {
					springArgs.add(arg);
				}
				else if (spec.flags().contains(name) && equals < 0) {
					options.put(name, "");
				}
				else if (spec.valued().contains(name)) {
					// "--username --email x" is a missing value, not a username "--email".
					if (equals < 0 && (i + 1 >= args.size() || args.get(i + 1).startsWith("--"))) {
						throw new UsageException("option --" + name + " needs a value");
					}
					options.put(name, (equals > 0) ? arg.substring(equals + 1) : args.get(++i));
				}
				else {
					throw new UsageException("unknown option " + arg);
				}
			}
			else if (arg.startsWith("-") && arg.length() > 1) {
				throw new UsageException("unknown option " + arg);
			}
			else {
				positionals.add(arg);
			}
		}
		if (!options.containsKey(HELP) && positionals.size() > spec.positionals()) {
			throw new UsageException("unexpected argument '" + positionals.get(spec.positionals()) + "'");
		}
		return new CommandLine(options, List.copyOf(positionals), List.copyOf(springArgs));
	}

	boolean has(String option) {
		return this.options.containsKey(option);
	}

	Optional<String> value(String option) {
		return Optional.ofNullable(this.options.get(option));
	}

	/** A positive whole number option, or {@code fallback} when it is not given. */
	int positiveInt(String option, int fallback) {
		String value = this.options.get(option);
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("option --" + option + " needs a positive whole number, not '" + value + "'");
	}

	List<String> positionals() {
		return this.positionals;
	}

	String[] springArgs() {
		return this.springArgs.toArray(String[]::new);
	}

}
