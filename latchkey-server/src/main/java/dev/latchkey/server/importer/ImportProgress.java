package dev.latchkey.server.importer;

import java.io.PrintStream;

/**
 * Tells the operator how a long import goes: a line every N users, and each conflict or
 * rejected row as its batch commits, on the stream given (the command's stderr).
 */
final class ImportProgress {

	private final PrintStream log;

	private final int every;

	private final long startedNanos = System.nanoTime();

	private long nextLine;

	ImportProgress(PrintStream log, int every) {
		this.log = log;
		this.every = every;
		this.nextLine = every;
	}

	void started(String source, boolean dryRun) {
		this.log.println((dryRun ? "Dry run: reading " : "Importing from ") + source);
	}

	void users(ImportReport report, UserBatchPlan plan) {
		plan.conflicts().forEach((message) -> this.log.println("conflict: " + message));
		plan.rejected().forEach((message) -> this.log.println("rejected: " + message));
		if (report.usersRead() >= this.nextLine) {
			double seconds = (System.nanoTime() - this.startedNanos) / 1e9;
			this.log.printf("%d users read: %d imported, %d unchanged, %d conflicts (%.1f s, %.0f users/s)%n",
					report.usersRead(), report.usersImported(), report.usersUnchanged(),
					report.conflicts().size() + report.rejected().size(), seconds, report.usersRead() / seconds);
			this.nextLine = (report.usersRead() / this.every + 1) * this.every;
		}
	}

}
