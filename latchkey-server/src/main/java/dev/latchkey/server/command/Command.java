package dev.latchkey.server.command;

/**
 * One {@code manage.py}-style command of the server:
 * {@code java -jar latchkey-server.jar <name> [options] [--spring.property=value ...]}.
 */
interface Command {

	/** Its name, what it takes and its help text. */
	CommandSpec spec();

	/**
	 * Run the command; the arguments were already checked against {@link #spec()}.
	 * @return the exit code: 0 when it did its work
	 * @throws UsageException when the arguments are wrong in a way only the command can tell (exit 2)
	 * @throws CommandException when it cannot do its work, with a message for the operator (exit 1)
	 */
	int run(CommandLine line, CommandIo io);

}
