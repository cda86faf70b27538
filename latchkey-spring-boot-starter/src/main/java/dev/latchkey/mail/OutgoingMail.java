package dev.latchkey.mail;

/**
 * A message to send: one recipient, a subject, a plain-text body and an optional HTML
 * alternative. {@link #toString()} leaves the bodies out, since they may carry a reset link.
 *
 * @param to the recipient's address
 * @param subject one line
 * @param text the plain-text body
 * @param html the HTML body, or {@code null}
 */
public record OutgoingMail(String to, String subject, String text, String html) {

	public OutgoingMail {
		// A subject is one header line: a newline would let a value inject headers.
		subject = subject.replaceAll("[\\r\\n]+", " ").strip();
	}

	@Override
	public String toString() {
		return "OutgoingMail[subject=" + this.subject + "]";
	}

}
