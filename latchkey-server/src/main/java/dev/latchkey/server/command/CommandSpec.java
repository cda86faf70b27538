package dev.latchkey.server.command;

import java.util.Set;

/**
 * What a command accepts, for parsing its arguments and printing its help.
 *
 * @param name what the operator types, e.g. {@code createsuperuser}
 * @param summary one line for the list of commands
 * @param help the text of {@code <name> --help}: usage line, description, options
 * @param flags options without a value, e.g. {@code noinput}
 * @param valued options that take a value, e.g. {@code username}
 * @param positionals how many plain arguments it takes at most
 */
record CommandSpec(String name, String summary, String help, Set<String> flags, Set<String> valued, int positionals) {
}
