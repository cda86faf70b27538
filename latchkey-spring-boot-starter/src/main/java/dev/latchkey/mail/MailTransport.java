package dev.latchkey.mail;

/**
 * How a message leaves: SMTP through Spring's {@code JavaMailSender}, or a file per message when
 * no mail server is configured.
 */
@FunctionalInterface
public interface MailTransport {

	/**
	 * Deliver one message.
	 * @throws Exception when it could not be delivered; the outbox tries again later
	 */
	void send(OutboxMessage message) throws Exception;

}
