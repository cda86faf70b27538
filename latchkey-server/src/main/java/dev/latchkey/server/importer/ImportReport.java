package dev.latchkey.server.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did (or, in a dry run, would do), counted batch by batch as each commits.
 */
public final class ImportReport {

	private final String source;

	private final boolean dryRun;

	private long usersRead;

	private long usersImported;

	private long usersUnchanged;

	private long highestImportedId;

	private final List<String> conflicts = new ArrayList<>();

	private final List<String> rejected = new ArrayList<>();

	private long tokensImported;

	private long tokensUnchanged;

	private long tokensExpired;

	private long tokensOrphaned;

	private JdbcIdentitySequence.IdentityMove identity;

	ImportReport(String source, boolean dryRun) {
		this.source = source;
		this.dryRun = dryRun;
	}

	void add(UserBatchPlan plan) {
		this.usersRead += plan.toInsert().size() + plan.unchanged() + plan.conflicts().size() + plan.rejected().size();
		this.usersImported += plan.toInsert().size();
		this.usersUnchanged += plan.unchanged();
		plan.toInsert().forEach((user) -> this.highestImportedId = Math.max(this.highestImportedId, user.id()));
		this.conflicts.addAll(plan.conflicts());
		this.rejected.addAll(plan.rejected());
	}

	void add(TokenBatchPlan plan) {
		this.tokensImported += plan.toInsert().size() + plan.toBlacklist().size();
		this.tokensUnchanged += plan.unchanged();
		this.tokensExpired += plan.expired();
		this.tokensOrphaned += plan.orphaned();
	}

	void identity(JdbcIdentitySequence.IdentityMove identity) {
		this.identity = identity;
	}

	long highestImportedId() {
		return this.highestImportedId;
	}

	public long usersRead() {
		return this.usersRead;
	}

	public long usersImported() {
		return this.usersImported;
	}

	public long usersUnchanged() {
		return this.usersUnchanged;
	}

	/** One message per user not imported because its id or username is another Latchkey user's. */
	public List<String> conflicts() {
		return List.copyOf(this.conflicts);
	}

	/** One message per user not imported because Latchkey's columns cannot hold its values. */
	public List<String> rejected() {
		return List.copyOf(this.rejected);
	}

	/** Blacklisted Django tokens now refused by Latchkey that were not before. */
	public long tokensImported() {
		return this.tokensImported;
	}

	public long tokensUnchanged() {
		return this.tokensUnchanged;
	}

	/** Whether the import changed nothing: every user and token was already there. */
	public boolean changedNothing() {
		return this.usersImported == 0 && this.tokensImported == 0 && (this.identity == null || !this.identity.moved());
	}

	/** The closing lines, for a person: what was imported, skipped and why. */
	public List<String> summary() {
		List<String> lines = new ArrayList<>();
		String would = this.dryRun ? "would be " : "";
		lines.add("Source: " + this.source);
		lines.add("Users: " + this.usersRead + " read, " + this.usersImported + " " + would + "imported, "
				+ this.usersUnchanged + " unchanged, " + this.conflicts.size() + " conflicts, " + this.rejected.size()
				+ " rejected");
		lines.add("Blacklisted tokens: " + this.tokensImported + " " + would + "imported, " + this.tokensUnchanged
				+ " unchanged, " + this.tokensExpired + " skipped as expired, " + this.tokensOrphaned
				+ " skipped without a Latchkey user");
		if (this.identity != null) {
			lines.add(identityLine(would));
		}
		if (this.dryRun) {
			lines.add("Dry run: nothing was written.");
		}
		else if (changedNothing()) {
			lines.add("Nothing to do: every user and blacklisted token was already imported.");
		}
		int skipped = this.conflicts.size() + this.rejected.size();
		if (skipped > 0) {
			lines.add(((skipped == 1) ? "1 user was" : skipped + " users were") + " not imported (listed above): "
					+ "resolve this before Latchkey accepts Django's tokens.");
		}
		return lines;
	}

	private String identityLine(String would) {
		if (!this.identity.supported()) {
			return "User ids: unknown database; move the id sequence of latchkey_user to " + this.identity.after()
					+ " or beyond yourself";
		}
		return this.identity.moved() ? "User ids: next id " + would + "moved from " + this.identity.before() + " to "
				+ this.identity.after() : "User ids: next id already " + this.identity.after();
	}

}
