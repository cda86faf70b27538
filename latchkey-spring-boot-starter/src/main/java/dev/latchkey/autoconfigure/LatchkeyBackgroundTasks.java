package dev.latchkey.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.latchkey.background.BackgroundSchedule;
import dev.latchkey.token.RevokedSessions;

/**
 * Latchkey's two background jobs, on one daemon thread: picking up sessions revoked by other
 * instances (every {@code latchkey.sessions.revocation-poll-interval}) and deleting expired
 * refresh-token rows and idle attempt counters (every {@code latchkey.sessions.cleanup-interval}, when enabled).
 */
public final class LatchkeyBackgroundTasks extends BackgroundSchedule {

	private static final Logger logger = LoggerFactory.getLogger(LatchkeyBackgroundTasks.class);

	private final RevokedSessions revokedSessions;

	private final Runnable cleanup;

	private final LatchkeyProperties.Sessions settings;

	LatchkeyBackgroundTasks(RevokedSessions revokedSessions, Runnable cleanup, LatchkeyProperties.Sessions settings) {
		super("latchkey-background");
		this.revokedSessions = revokedSessions;
		this.cleanup = cleanup;
		this.settings = settings;
	}

	@Override
	protected List<Job> jobs() {
		List<Job> jobs = new ArrayList<>();
		jobs.add(Job.atOnceThenEvery(() -> run("revocation reload", this.revokedSessions::reload),
				this.settings.revocationPollInterval()));
		if (this.settings.cleanupEnabled()) {
			jobs.add(new Job(() -> run("expired row cleanup", this.cleanup), this.settings.cleanupInterval(),
					this.settings.cleanupInterval()));
		}
		return jobs;
	}

	private static void run(String name, Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			// A database hiccup must not kill the schedule: the next run tries again.
			logger.warn("Latchkey {} failed: {}", name, ex.toString());
		}
	}

}
