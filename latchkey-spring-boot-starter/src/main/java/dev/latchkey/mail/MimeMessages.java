package dev.latchkey.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Fills a MIME message: plain text, plus the HTML alternative when there is one, in UTF-8.
 */
final class MimeMessages {

	private MimeMessages() {
	}

	static void fill(MimeMessage message, String from, OutgoingMail mail) throws MessagingException {
		MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
		helper.setFrom(from);
		helper.setTo(mail.to());
		helper.setSubject(mail.subject());
		if (mail.html() != null) {
			helper.setText(mail.text(), mail.html());
		}
		else {
			helper.setText(mail.text());
		}
	}

}
