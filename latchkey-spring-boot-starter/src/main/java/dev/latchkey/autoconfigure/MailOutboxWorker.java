package dev.latchkey.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import dev.latchkey.mail.OutboxSender;

/**
 * Runs the {@link OutboxSender} on one daemon thread of its own, every poll interval, from start
 * to stop: mail delivery never runs on a request thread, nor on the thread that picks up revoked
 * sessions.
 */
public final class MailOutboxWorker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MailOutboxWorker.class);

	private final OutboxSender sender;

	private final Duration pollInterval;

	private ScheduledExecutorService scheduler;

	MailOutboxWorker(OutboxSender sender, Duration pollInterval) {
		this.sender = sender;
		this.pollInterval = pollInterval;
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "latchkey-mail");
			thread.setDaemon(true);
			return thread;
		});
		long poll = this.pollInterval.toMillis();
		this.scheduler.scheduleWithFixedDelay(this::sendDue, 0, poll, TimeUnit.MILLISECONDS);
	}

	private void sendDue() {
		try {
			while (this.sender.sendDue() > 0) {
				// A full batch may mean more is due: keep going until the outbox has nothing left.
			}
		}
		catch (RuntimeException ex) {
			// The database may be down: the next poll tries again.
			logger.warn("Latchkey mail outbox check failed: {}", ex.toString());
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

}
