package dev.latchkey.mail;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;

/**
 * {@link MailTransport} through Spring Boot's {@link JavaMailSender} ({@code spring.mail.*}).
 */
public final class JavaMailTransport implements MailTransport {

	private final JavaMailSender sender;

	private final String from;

	public JavaMailTransport(JavaMailSender sender, String from) {
		this.sender = sender;
		this.from = from;
	}

	@Override
	public void send(OutboxMessage message) throws Exception {
		MimeMessage mime = this.sender.createMimeMessage();
		MimeMessages.fill(mime, this.from, message.mail());
		this.sender.send(mime);
	}

}
