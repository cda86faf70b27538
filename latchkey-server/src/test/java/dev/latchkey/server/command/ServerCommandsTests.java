package dev.latchkey.server.command;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCommandsTests {

	@TempDir
	Path directory;

	CommandRunner runner() {
		return new CommandRunner(this.directory);
	}

	@Test
	void isCommandWhenNoCommandThenTheServerStarts() {
		assertThat(ServerCommands.isCommand(new String[0])).isFalse();
		assertThat(ServerCommands.isCommand(new String[] { "--server.port=9000", "--spring.datasource.url=jdbc:h2:mem:x" }))
			.isFalse();
		assertThat(ServerCommands.isCommand(new String[] { "--spring.datasource.url=jdbc:h2:mem:x", "createsuperuser" }))
			.isTrue();
		assertThat(ServerCommands.isCommand(new String[] { "--help" })).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "--help", "-h", "help" })
	void runWhenHelpThenListsEveryCommandAndExitsZero(String help) {
		CommandRunner.Result result = runner().runBare(help);

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("Without a command, the server starts.", "createsuperuser", "changepassword",
				"flushexpiredtokens", "import-django-users");
	}

	@ParameterizedTest
	@ValueSource(strings = { "createsuperuser", "changepassword", "flushexpiredtokens", "import-django-users" })
	void runWhenCommandHelpThenItsUsageAndExitsZero(String command) {
		CommandRunner.Result result = runner().runBare(command, "--help");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("Usage: " + command).contains("Exit codes: 0");
		assertThat(runner().runBare("help", command).out()).isEqualTo(result.out());
	}

	@Test
	void runWhenUnknownCommandThenListsCommandsAndExitsTwo() {
		CommandRunner.Result result = runner().runBare("migrate");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unknown command 'migrate'.", "import-django-users");
	}

	@Test
	void runWhenUnknownOptionThenPointsAtHelpAndExitsTwo() {
		CommandRunner.Result result = runner().runBare("flushexpiredtokens", "--bogus");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("flushexpiredtokens: unknown option --bogus",
				"Run 'java -jar latchkey-server.jar flushexpiredtokens --help' for its options.");
	}

	@Test
	void runWhenOptionValueMissingThenExitsTwo() {
		CommandRunner.Result result = runner().runBare("createsuperuser", "--noinput", "--username");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("option --username needs a value");
		assertThat(runner().runBare("createsuperuser", "--username", "--email", "a@example.com").err())
			.contains("option --username needs a value");
	}

	@Test
	void runWhenUnexpectedArgumentThenExitsTwo() {
		CommandRunner.Result result = runner().runBare("flushexpiredtokens", "now");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("unexpected argument 'now'");
	}

	@Test
	void runWhenDatabaseUnreachableThenSaysWhyAndExitsOne() {
		CommandRunner.Result result = runner().runBare("flushexpiredtokens",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/latchkey", "--latchkey.data-directory=" + this.directory);

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("Error: ").contains("Connection");
	}

}
