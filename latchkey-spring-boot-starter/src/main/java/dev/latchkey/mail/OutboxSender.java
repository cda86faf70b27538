package dev.latchkey.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what is due in the {@link MailOutbox}, one batch per call, on the caller's (background)
 * thread: a slow or unreachable mail server delays only this thread, never an HTTP answer. A
 * failed attempt is tried again after a back-off that doubles from {@code initialBackoff} up to
 * {@code maximumBackoff}, for as long as it takes: a message is never dropped.
 */
public final class OutboxSender {

	private static final Logger logger = LoggerFactory.getLogger(OutboxSender.class);

	private final MailOutbox outbox;

	private final MailTransport transport;

	private final Clock clock;

	private final Settings settings;

	public OutboxSender(MailOutbox outbox, MailTransport transport, Clock clock, Settings settings) {
		this.outbox = outbox;
		this.transport = transport;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Send one batch of due messages.
	 * @return how many were sent
	 */
	public int sendDue() {
		Instant now = this.clock.instant();
		List<OutboxMessage> claimed = this.outbox.claimDue(now, now.plus(this.settings.lease()),
				this.settings.batchSize());
		int sent = 0;
		for (OutboxMessage message : claimed) {
			try {
				this.transport.send(message);
				this.outbox.markSent(message.id(), this.clock.instant());
				sent++;
			}
			catch (Exception ex) {
				Duration backoff = backoff(message.attempts());
				// The error names the server's fault, never the message's content.
				logger.warn("Mail {} not sent (attempt {}), next try in {}s: {}", message.id(), message.attempts(),
						backoff.toSeconds(), ex.toString());
				this.outbox.markFailed(message.id(), this.clock.instant().plus(backoff), ex.toString());
			}
		}
		return sent;
	}

	/** The wait after the given number of failed attempts: doubling, capped. */
	Duration backoff(int attempts) {
		Duration wait = this.settings.initialBackoff();
		for (int i = 1; i < attempts && wait.compareTo(this.settings.maximumBackoff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.settings.maximumBackoff()) > 0) ? this.settings.maximumBackoff() : wait;
	}

	/**
	 * @param initialBackoff wait after the first failure
	 * @param maximumBackoff longest wait between two attempts
	 * @param lease how long a claimed message is hidden from other senders (longer than a send may take)
	 * @param batchSize most messages claimed at once
	 */
	public record Settings(Duration initialBackoff, Duration maximumBackoff, Duration lease, int batchSize) {

		public Settings {
			if (initialBackoff.isNegative() || initialBackoff.isZero() || maximumBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException("initial-backoff must be positive and at most maximum-backoff");
			}
			if (batchSize < 1) {
				throw new IllegalArgumentException("batch-size must be at least 1");
			}
		}

	}

}
