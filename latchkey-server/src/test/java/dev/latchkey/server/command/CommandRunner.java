package dev.latchkey.server.command;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Runs commands in-process as {@code main} would, against an H2 file database in a temporary
 * directory, with captured output, a scripted terminal and a given environment.
 */
final class CommandRunner {

	static final String SIGNING_KEY = "command-test-signing-key-0123456789abcdef";

	private final Path directory;

	private final Map<String, String> env = new HashMap<>();

	private String input = "";

	CommandRunner(Path directory) {
		this.directory = directory;
	}

	String url() {
		return "jdbc:h2:file:" + this.directory.resolve("latchkey")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	CommandRunner env(String name, String value) {
		this.env.put(name, value);
		return this;
	}

	/** What the operator will type, one answer per line. */
	CommandRunner input(String... lines) {
		this.input = String.join("\n", lines) + "\n";
		return this;
	}

	/** Run with the temporary database, data directory and signing key added as Spring arguments. */
	Result run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--spring.datasource.url=" + url());
		all.add("--latchkey.data-directory=" + this.directory);
		all.add("--latchkey.jwt.signing-key=" + SIGNING_KEY);
		return runBare(all.toArray(String[]::new));
	}

	/** Run exactly these arguments. */
	Result runBare(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
		CommandIo io = new CommandIo(outStream, new PrintStream(err, true, StandardCharsets.UTF_8),
				Terminal.of(new ByteArrayInputStream(this.input.getBytes(StandardCharsets.UTF_8)), outStream),
				Map.copyOf(this.env));
		int code = ServerCommands.standard().run(args, io);
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** Latchkey's tables in the temporary database, as the server would create them. */
	JdbcClient migratedDatabase() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url(), "sa", "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/latchkey/migration")
			.table("latchkey_schema_history")
			.load()
			.migrate();
		return JdbcClient.create(dataSource);
	}

	record Result(int exitCode, String out, String err) {
	}

}
