package dev.latchkey.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.latchkey.background.BackgroundSchedule;
import dev.latchkey.mail.OutboxSender;

/**
 * Runs the {@link OutboxSender} on one daemon thread of its own, every poll interval, from start
 * to stop: mail delivery never runs on a request thread, nor on the thread that picks up revoked
 * sessions.
 */
public final class MailOutboxWorker extends BackgroundSchedule {

	private static final Logger logger = LoggerFactory.getLogger(MailOutboxWorker.class);

	private final OutboxSender sender;

	private final Duration pollInterval;

	MailOutboxWorker(OutboxSender sender, Duration pollInterval) {
		super("latchkey-mail");
		this.sender = sender;
		this.pollInterval = pollInterval;
	}

	@Override
	protected List<Job> jobs() {
		return List.of(Job.atOnceThenEvery(this::sendDue, this.pollInterval));
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

}
