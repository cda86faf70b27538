package dev.latchkey.server.command;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import dev.latchkey.server.importer.DjangoImporter;
import dev.latchkey.server.importer.DjangoSource;
import dev.latchkey.server.importer.DjangoSourceException;
import dev.latchkey.server.importer.DumpdataDjangoSource;
import dev.latchkey.server.importer.ImportFailedException;
import dev.latchkey.server.importer.ImportOptions;
import dev.latchkey.server.importer.ImportReport;
import dev.latchkey.server.importer.JdbcDjangoSource;

/**
 * {@code import-django-users}: copies a Django project's users (ids and hashes kept) and its
 * blacklisted SimpleJWT tokens into Latchkey's database; see {@link DjangoImporter}.
 */
final class ImportDjangoUsersCommand implements Command {

	static final String FROM_PASSWORD_VARIABLE = "LATCHKEY_FROM_PASSWORD";

	private static final CommandSpec SPEC = new CommandSpec("import-django-users",
			"Import users and blacklisted tokens from a Django database or dumpdata file.", """
					Usage: import-django-users (--from JDBC_URL | --from-json FILE) [options] [--spring.property=value ...]

					Copy Django's users into Latchkey's database (the server's spring.datasource.*), keeping
					their ids (so tokens Django issued still name the same user) and their password hashes
					(they log in with the same passwords; unusable passwords stay unusable). SimpleJWT's
					blacklisted refresh tokens are imported too, so they stay refused.

					Safe to run again: users and tokens already imported are left as they are. A user whose
					id or username is already another Latchkey user's is reported and skipped.

					Options:
					  --from JDBC_URL       the Django database: jdbc:sqlite:/path/db.sqlite3 (or just the path)
					                        or jdbc:postgresql://host:5432/name; opened read-only
					  --from-user USER      database user for --from
					  --from-password PASS  database password for --from (or set LATCHKEY_FROM_PASSWORD)
					  --from-json FILE      the output of: manage.py dumpdata <users app> token_blacklist
					  --table NAME          the user table (default: users, else auth_user), or with
					                        --from-json the user model (e.g. accounts.user)
					  --dry-run             report what would be imported; write nothing
					  --batch-size N        users per transaction (default 1000)
					  --progress-every N    print progress to stderr every N users (default 10000)
					  -h, --help            show this help

					Exit codes: 0 done (conflicts, if any, are listed), 1 failed (what was imported before
					the failure stays; run again to continue), 2 bad arguments.""",
			Set.of("dry-run"),
			Set.of("from", "from-user", "from-password", "from-json", "table", "batch-size", "progress-every"), 0);

	@Override
	public CommandSpec spec() {
		return SPEC;
	}

	@Override
	public int run(CommandLine line, CommandIo io) {
		if (line.has("from") == line.has("from-json")) {
			throw new UsageException("give exactly one of --from and --from-json");
		}
		ImportOptions options = new ImportOptions(line.positiveInt("batch-size", ImportOptions.DEFAULT_BATCH_SIZE),
				line.positiveInt("progress-every", ImportOptions.DEFAULT_PROGRESS_EVERY), line.has("dry-run"));
		try (DjangoSource source = open(line, io);
				ConfigurableApplicationContext context = CommandApplication.start(line)) {
			DjangoImporter importer = new DjangoImporter(context.getBean(DataSource.class),
					context.getBean("latchkeyClock", Clock.class), options, io.err());
			ImportReport report = importer.run(source);
			report.summary().forEach(io.out()::println);
			return 0;
		}
		catch (DjangoSourceException ex) {
			throw new CommandException(ex.getMessage(), ex);
		}
		catch (ImportFailedException ex) {
			ex.report().summary().forEach(io.err()::println);
			throw new CommandException("The import stopped: " + ex.getMessage()
					+ System.lineSeparator() + "The batch that failed was rolled back; what is listed above stays "
					+ "imported. Run the command again to continue.", ex);
		}
	}

	private static DjangoSource open(CommandLine line, CommandIo io) {
		String table = line.value("table").orElse(null);
		if (line.has("from-json")) {
			return DumpdataDjangoSource.open(Path.of(line.value("from-json").orElseThrow()), table);
		}
		String from = line.value("from").orElseThrow();
		String url = from.startsWith("jdbc:") ? from : "jdbc:sqlite:" + from;
		String password = line.value("from-password").orElseGet(() -> io.env(FROM_PASSWORD_VARIABLE));
		return JdbcDjangoSource.open(url, line.value("from-user").orElse(null), password, table);
	}

}
