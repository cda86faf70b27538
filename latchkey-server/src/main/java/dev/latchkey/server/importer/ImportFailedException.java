package dev.latchkey.server.importer;

/**
 * The import stopped: the source could not be read or a batch could not be written. The batch
 * being written was rolled back whole; the batches before it stay imported, so running the import
 * again continues where it stopped.
 */
public class ImportFailedException extends RuntimeException {

	private final transient ImportReport report;

	ImportFailedException(ImportReport report, RuntimeException cause) {
		super(cause.getMessage(), cause);
		this.report = report;
	}

	/** What was imported before the failure. */
	public ImportReport report() {
		return this.report;
	}

}
