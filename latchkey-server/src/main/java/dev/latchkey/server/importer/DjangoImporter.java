package dev.latchkey.server.importer;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a Django project's users and blacklisted SimpleJWT tokens into Latchkey's tables.
 *
 * <ul>
 * <li>Ids are kept, so Django's tokens (their {@code user_id}) name the same people; hashes are
 * copied verbatim, and unusable ones ({@code !...}) stay unusable.</li>
 * <li>Each batch is one transaction: a failure rolls the batch back whole and stops; what earlier
 * batches imported stays, and a second run skips it (the import is idempotent).</li>
 * <li>A user whose id or username is already another Latchkey user's is reported, not imported,
 * and the import goes on.</li>
 * <li>Blacklisted tokens stay refused: each is stored blacklisted, in a revoked session of its
 * user. Outstanding tokens that Django did not blacklist are not imported: Latchkey adopts a
 * valid Django refresh token into a new session the first time it is presented.</li>
 * <li>Afterwards the id sequence of {@code latchkey_user} is moved past every imported id.</li>
 * </ul>
 */
public final class DjangoImporter {

	private final JdbcLatchkeyUsers users;

	private final JdbcLatchkeyTokens tokens;

	private final JdbcIdentitySequence identity;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final ImportOptions options;

	private final PrintStream log;

	// The ids a dry run would have imported, so its token plan counts their tokens as importable.
	private final Set<Long> plannedIds = new HashSet<>();

	/**
	 * @param dataSource Latchkey's database, its schema already migrated
	 * @param clock the time tokens must be unexpired at
	 * @param options batch size, progress interval, dry run
	 * @param log where progress, conflicts and rejected rows are written (the command's stderr)
	 */
	public DjangoImporter(DataSource dataSource, Clock clock, ImportOptions options, PrintStream log) {
		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.users = new JdbcLatchkeyUsers(jdbc);
		this.tokens = new JdbcLatchkeyTokens(jdbc);
		this.identity = JdbcIdentitySequence.of(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.clock = clock;
		this.options = options;
		this.log = log;
	}

	/**
	 * Import everything the source holds.
	 * @return what was imported, unchanged, in conflict or skipped
	 * @throws ImportFailedException when the source cannot be read or a batch cannot be written
	 */
	public ImportReport run(DjangoSource source) {
		ImportReport report = new ImportReport(source.description(), this.options.dryRun());
		ImportProgress progress = new ImportProgress(this.log, this.options.progressEvery());
		progress.started(source.description(), this.options.dryRun());
		try {
			inBatches(source::forEachUser, (batch) -> importUsers(batch, report, progress));
		}
		catch (RuntimeException ex) {
			moveIdentityAfterFailure(report, ex);
			throw new ImportFailedException(report, ex);
		}
		try {
			report.identity(this.identity.movePast(this.options.dryRun() ? report.highestImportedId() : 0,
					this.options.dryRun()));
			inBatches(source::forEachBlacklistedToken, (batch) -> importTokens(batch, report));
		}
		catch (RuntimeException ex) {
			throw new ImportFailedException(report, ex);
		}
		return report;
	}

	private void importUsers(List<DjangoUser> batch, ImportReport report, ImportProgress progress) {
		Instant now = this.clock.instant();
		UserBatchPlan plan = inTransaction(() -> {
			UserBatchPlan planned = UserBatchPlan.of(batch, this.users.findClashes(batch));
			if (!this.options.dryRun()) {
				this.users.insert(planned.toInsert(), now);
			}
			return planned;
		});
		if (this.options.dryRun()) {
			plan.toInsert().forEach((user) -> this.plannedIds.add(user.id()));
		}
		report.add(plan);
		progress.users(report, plan);
	}

	private void importTokens(List<DjangoToken> batch, ImportReport report) {
		Instant now = this.clock.instant();
		TokenBatchPlan plan = inTransaction(() -> {
			Set<Long> userIds = new HashSet<>(this.users.findIds(batch.stream()
				.map(DjangoToken::userId).filter((id) -> id != null).distinct().toList()));
			userIds.addAll(this.plannedIds);
			TokenBatchPlan planned = TokenBatchPlan.of(batch,
					this.tokens.findKnown(batch.stream().map(DjangoToken::jti).filter((jti) -> jti != null).toList()),
					userIds, now);
			if (!this.options.dryRun()) {
				this.tokens.insertRevoked(planned.toInsert(), now);
				this.tokens.blacklist(planned.toBlacklist(), now);
			}
			return planned;
		});
		report.add(plan);
	}

	/** One transaction; a duplicate key means a sign-up took a name since the check: look again. */
	private <T> T inTransaction(Supplier<T> work) {
		try {
			return this.transactions.execute((status) -> work.get());
		}
		catch (DuplicateKeyException ex) {
			return this.transactions.execute((status) -> work.get());
		}
	}

	/** Even a failed import must not leave the next sign-up colliding with the ids it did import. */
	private void moveIdentityAfterFailure(ImportReport report, RuntimeException failure) {
		if (this.options.dryRun()) {
			return;
		}
		try {
			report.identity(this.identity.movePast(0, false));
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	private <T> void inBatches(Consumer<Consumer<T>> source, Consumer<List<T>> sink) {
		List<T> batch = new ArrayList<>(this.options.batchSize());
		source.accept((row) -> {
			batch.add(row);
			if (batch.size() == this.options.batchSize()) {
				sink.accept(List.copyOf(batch));
				batch.clear();
			}
		});
		if (!batch.isEmpty()) {
			sink.accept(List.copyOf(batch));
		}
	}

}
