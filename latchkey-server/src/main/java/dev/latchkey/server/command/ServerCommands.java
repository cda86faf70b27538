package dev.latchkey.server.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's {@code manage.py}: {@code java -jar latchkey-server.jar <command> [options]}
 * runs a command in a non-web application context with the server's configuration, prints to
 * stdout and stderr, and exits with 0 (done), 1 (failed) or 2 (bad arguments). Without a
 * command the server starts.
 */
public final class ServerCommands {

	static final String PROGRAM = "java -jar latchkey-server.jar";

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final List<String> HELP = List.of("help", "--help", "-h");

	private final Map<String, Command> commands = new LinkedHashMap<>();

	ServerCommands(List<Command> commands) {
		commands.forEach((command) -> this.commands.put(command.spec().name(), command));
	}

	static ServerCommands standard() {
		return new ServerCommands(List.of(new CreateSuperuserCommand(), new ChangePasswordCommand(),
				new FlushExpiredTokensCommand(), new ImportDjangoUsersCommand(), new KeysCommand(), new UserCommand(),
				new InviteCommand()));
	}

	/** Whether these arguments name a command (or ask for help) rather than start the server. */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && (HELP.contains(args[0]) || commandIndex(Arrays.asList(args)) >= 0);
	}

	/** Run the command the arguments name, on the process's streams; returns the exit code. */
	public static int run(String[] args) {
		return standard().run(args, CommandIo.system());
	}

	int run(String[] args, CommandIo io) {
		List<String> rest = new ArrayList<>(Arrays.asList(args));
		int index = commandIndex(rest);
		String name = (index >= 0) ? rest.remove(index) : "help";
		if (name.equals("help")) {
			return help(rest, io);
		}
		Command command = this.commands.get(name);
		if (command == null) {
			io.err().println("Unknown command '" + name + "'.");
			io.err().println(overview());
			return USAGE;
		}
		return run(command, rest, io);
	}

	private int run(Command command, List<String> args, CommandIo io) {
		String name = command.spec().name();
		try {
			CommandLine line = CommandLine.parse(args, command.spec());
			if (line.has(CommandLine.HELP)) {
				io.out().println(command.spec().help());
				return OK;
			}
			return command.run(line, io);
		}
		catch (UsageException ex) {
			io.err().println(name + ": " + ex.getMessage());
			io.err().println("Run '" + PROGRAM + " " + name + " --help' for its options.");
			return USAGE;
		}
		catch (CommandException ex) {
			io.err().println("Error: " + ex.getMessage());
			return FAILED;
		}
		catch (RuntimeException ex) {
			io.err().println("Error: " + rootMessage(ex));
			return FAILED;
		}
	}

	private int help(List<String> args, CommandIo io) {
		List<String> names = args.stream().filter((arg) -> !HELP.contains(arg)).toList();
		if (names.size() == 1 && this.commands.containsKey(names.get(0))) {
			io.out().println(this.commands.get(names.get(0)).spec().help());
			return OK;
		}
		io.out().println(overview());
		return OK;
	}

	private String overview() {
		StringBuilder text = new StringBuilder("Usage: " + PROGRAM + " [COMMAND [OPTIONS]] [--spring.property=value ...]")
			.append("\n\nWithout a command, the server starts. Commands:\n");
		this.commands.values()
			.forEach((command) -> text.append(String.format("  %-20s %s%n", command.spec().name(),
					command.spec().summary())));
		return text.append("\nRun '" + PROGRAM + " COMMAND --help' for a command's options. Commands read the\n")
			.append("server's configuration: application.yml, environment variables and --spring.*/--latchkey.*\n")
			.append("arguments (e.g. --spring.datasource.url=jdbc:postgresql://localhost:5432/latchkey).")
			.toString();
	}

	/** The command is the first argument that is not an option (Spring's are all --name=value). */
	private static int commandIndex(List<String> args) {
		for (int i = 0; i < args.size(); i++) {
			if (!args.get(i).startsWith("-")) {
				return i;
			}
		}
		return -1;
	}

	/** The deepest cause says what went wrong ("Connection refused", "Database may be already in use"). */
	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return (root == failure) ? message : message + " (" + failure.getClass().getSimpleName() + ")";
	}

}
