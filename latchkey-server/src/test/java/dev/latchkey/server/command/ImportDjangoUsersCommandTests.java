package dev.latchkey.server.command;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command around the importer (whose behaviour {@code dev.latchkey.server.importer} tests):
 * arguments, output, exit codes, idempotency and dry run through the real entry point.
 */
class ImportDjangoUsersCommandTests {

	@TempDir
	Path directory;

	CommandRunner runner() {
		return new CommandRunner(this.directory);
	}

	@Test
	void runWhenRunTwiceThenImportsOnceAndTheSecondRunSaysNothingChanged() {
		CommandRunner.Result first = runner().run("import-django-users", "--from", fixture("seed-users.sqlite3"),
				"--batch-size", "2", "--progress-every", "3");

		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("Users: 8 read, 8 imported, 0 unchanged, 0 conflicts, 0 rejected",
				"User ids: next id moved from 1 to 9");
		assertThat(first.err()).contains("Importing from table users of jdbc:sqlite:", "4 users read: 4 imported");
		assertThat(userCount()).isEqualTo(8);

		CommandRunner.Result second = runner().run("import-django-users", "--from", "jdbc:sqlite:" + fixture("seed-users.sqlite3"));

		assertThat(second.exitCode()).as(second.err()).isZero();
		assertThat(second.out()).contains("Users: 8 read, 0 imported, 8 unchanged",
				"Nothing to do: every user and blacklisted token was already imported.");
		assertThat(userCount()).isEqualTo(8);
	}

	@Test
	void runWhenDryRunOfDumpdataThenReportsAndWritesNothing() {
		CommandRunner.Result result = runner().run("import-django-users", "--from-json",
				fixture("seed-users.dumpdata.json"), "--table", "accounts.user", "--dry-run");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("Source: model accounts.user of ", "Users: 8 read, 8 would be imported",
				"Dry run: nothing was written.");
		assertThat(userCount()).isZero();
	}

	@Test
	void runWhenNoSourceOrTwoSourcesThenExitsTwo() {
		assertThat(runner().run("import-django-users").exitCode()).isEqualTo(2);
		CommandRunner.Result both = runner().run("import-django-users", "--from", "x.sqlite3", "--from-json", "x.json");
		assertThat(both.exitCode()).isEqualTo(2);
		assertThat(both.err()).contains("give exactly one of --from and --from-json");
	}

	@Test
	void runWhenBatchSizeNotAPositiveNumberThenExitsTwo() {
		CommandRunner.Result result = runner().run("import-django-users", "--from", fixture("seed-users.sqlite3"),
				"--batch-size", "0");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("option --batch-size needs a positive whole number, not '0'");
	}

	@Test
	void runWhenSourceUnreadableThenSaysWhyAndExitsOne() {
		CommandRunner.Result missing = runner().run("import-django-users", "--from-json",
				this.directory.resolve("missing.json").toString());
		assertThat(missing.exitCode()).isEqualTo(1);
		assertThat(missing.err()).contains("Error: Cannot read ", "missing.json: no such readable file");

		CommandRunner.Result noTable = runner().run("import-django-users", "--from", fixture("auth-user.sqlite3"),
				"--table", "users");
		assertThat(noTable.exitCode()).isEqualTo(1);
		assertThat(noTable.err()).contains("Error: Cannot read table users");
	}

	private long userCount() {
		JdbcClient jdbc = runner().migratedDatabase();
		return jdbc.sql("SELECT COUNT(*) FROM latchkey_user").query(Long.class).single();
	}

	private static String fixture(String file) {
		try {
			return Path.of(ImportDjangoUsersCommandTests.class.getResource("/django-db/" + file).toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
