package dev.latchkey.mail;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's file e-mail backend: each message is written to {@code <directory>/<id>.eml}, and one
 * line with its path is logged, so a server with no mail server configured still "sends" its
 * reset and verification mail. The file holds the link; the log line does not.
 */
public final class EmlFileTransport implements MailTransport {

	private static final Logger logger = LoggerFactory.getLogger(EmlFileTransport.class);

	private final Path directory;

	private final String from;

	public EmlFileTransport(Path directory, String from) {
		this.directory = directory;
		this.from = from;
	}

	@Override
	public void send(OutboxMessage message) throws Exception {
		Files.createDirectories(this.directory);
		MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()));
		MimeMessages.fill(mime, this.from, message.mail());
		mime.saveChanges();
		Path file = this.directory.resolve(String.format("%08d.eml", message.id()));
		try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			mime.writeTo(out);
		}
		logger.info("Mail \"{}\" written to {}", message.mail().subject(), file.toAbsolutePath());
	}

}
