package dev.latchkey.mail;

import java.time.Instant;
import java.util.List;

/**
 * The durable queue of messages to send. A message is written in the transaction of the change
 * that causes it, so it is neither lost on a restart nor sent for a change that rolled back;
 * {@link OutboxSender} delivers it at least once.
 */
public interface MailOutbox {

	/** Queue a message, due at once. */
	void enqueue(OutgoingMail mail, Instant now);

	/**
	 * Claim up to {@code limit} due messages: each is hidden from other senders until
	 * {@code leaseUntil}, and its attempt is counted.
	 */
	List<OutboxMessage> claimDue(Instant now, Instant leaseUntil, int limit);

	/** The message was handed to the mail server: never send it again, and forget its bodies. */
	void markSent(long id, Instant now);

	/** The attempt failed: try again at {@code nextAttempt}. */
	void markFailed(long id, Instant nextAttempt, String error);

}
