package dev.latchkey.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration properties for the mail Latchkey sends (password reset, email verification).
 * The mail server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from sender address (Django's DEFAULT_FROM_EMAIL)
 * @param fileDirectory directory where each message is written as an {@code .eml} file when no
 * mail server is configured (Django's file e-mail backend); when neither is set, messages stay
 * in the outbox until a mail server is configured
 * @param templateLocation location of the application's own templates, which replace Latchkey's
 * file by file (for example {@code classpath:/templates/latchkey/})
 * @param pollInterval how often the outbox is checked for due messages
 * @param initialBackoff wait after a first failed delivery; doubled after each further failure
 * @param maximumBackoff longest wait between two delivery attempts
 * @param lease how long a message being sent is hidden from other instances; longer than any
 * SMTP timeout
 * @param batchSize most messages sent per check
 */
@ConfigurationProperties("latchkey.mail")
public record LatchkeyMailProperties(@DefaultValue("webmaster@localhost") String from, Path fileDirectory,
		String templateLocation, @DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration initialBackoff,
		@DefaultValue("10m") Duration maximumBackoff, @DefaultValue("5m") Duration lease,
		@DefaultValue("20") int batchSize) {

}
