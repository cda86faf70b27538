package dev.latchkey.server.importer;

/**
 * How the importer works through the rows.
 *
 * @param batchSize rows per transaction (and per JDBC batch); 1000 by default
 * @param progressEvery rows between two progress lines; 10000 by default
 * @param dryRun whether to only report what would change, writing nothing
 */
public record ImportOptions(int batchSize, int progressEvery, boolean dryRun) {

	public static final int DEFAULT_BATCH_SIZE = 1000;

	public static final int DEFAULT_PROGRESS_EVERY = 10_000;

	public ImportOptions {
		if (batchSize < 1 || progressEvery < 1) {
			throw new IllegalArgumentException("batch size and progress interval must be positive");
		}
	}

	public static ImportOptions defaults() {
		return new ImportOptions(DEFAULT_BATCH_SIZE, DEFAULT_PROGRESS_EVERY, false);
	}

	public ImportOptions withDryRun(boolean dryRun) {
		return new ImportOptions(this.batchSize, this.progressEvery, dryRun);
	}

}
