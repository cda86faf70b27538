package dev.latchkey.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) in the test JVM on a port of its own, which a test can stop and
 * start again on the same port to play a mail-server outage.
 */
public final class MailCatcher {

	private static final Pattern LINK = Pattern.compile("https?://\\S+?/#/[^\\s\"<]+");

	private final int port;

	private GreenMail server;

	public MailCatcher() {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public synchronized MailCatcher start() {
		if (this.server == null) {
			this.server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			this.server.start();
		}
		return this;
	}

	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	/** Point Spring Boot's mail sender at this server. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> this.port);
	}

	public String[] properties() {
		return new String[] { "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.port };
	}

	/** The messages received for {@code address} so far. */
	public synchronized List<MimeMessage> messagesTo(String address) {
		if (this.server == null) {
			return List.of();
		}
		return Arrays.stream(this.server.getReceivedMessages()).filter((message) -> isTo(message, address)).toList();
	}

	/** Wait (at most 30 s) until {@code count} messages for {@code address} have arrived. */
	public List<MimeMessage> awaitMessagesTo(String address, int count) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			List<MimeMessage> messages = messagesTo(address);
			if (messages.size() >= count) {
				return messages;
			}
			sleep(50);
		}
		throw new AssertionError("No " + count + " mail(s) to " + address + " within 30 s; got " + messagesTo(address).size());
	}

	/** The link a message carries (from its plain-text part). */
	public static String link(MimeMessage message) {
		String text = part(message, "text/plain");
		Matcher matcher = LINK.matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("No link in " + text);
		}
		return matcher.group();
	}

	/** The decoded content of the message's first part of this type. */
	public static String part(MimeMessage message, String type) {
		try {
			return find(message, type);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String find(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = find(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
