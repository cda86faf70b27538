package dev.latchkey.autoconfigure;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import dev.latchkey.token.RevokedSessions;

/**
 * Latchkey's two background jobs, on one daemon thread: picking up sessions revoked by other
 * instances (every {@code latchkey.sessions.revocation-poll-interval}) and deleting expired
 * refresh-token rows and idle attempt counters (every {@code latchkey.sessions.cleanup-interval}, when enabled).
 */
public final class LatchkeyBackgroundTasks implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LatchkeyBackgroundTasks.class);

	private final RevokedSessions revokedSessions;

	private final Runnable cleanup;

	private final LatchkeyProperties.Sessions settings;

	private ScheduledExecutorService scheduler;

	LatchkeyBackgroundTasks(RevokedSessions revokedSessions, Runnable cleanup, LatchkeyProperties.Sessions settings) {
		this.revokedSessions = revokedSessions;
		this.cleanup = cleanup;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "latchkey-background");
			thread.setDaemon(true);
			return thread;
		});
		long poll = this.settings.revocationPollInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(() -> run("revocation reload", this.revokedSessions::reload), 0, poll,
				TimeUnit.MILLISECONDS);
		if (this.settings.cleanupEnabled()) {
			long cleanup = this.settings.cleanupInterval().toMillis();
			this.scheduler.scheduleWithFixedDelay(() -> run("expired row cleanup", this.cleanup),
					cleanup, cleanup, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
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
