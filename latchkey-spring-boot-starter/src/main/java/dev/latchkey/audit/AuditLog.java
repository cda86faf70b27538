package dev.latchkey.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes security events to the {@code latchkey.audit} logger as structured key-value pairs
 * (event, user id, client address, user agent, outcome), which Spring Boot's structured logging
 * ({@code logging.structured.format.console=ecs|logstash}) emits as JSON fields. By construction
 * it takes no password, hash or token: there is no parameter to put one in.
 */
public final class AuditLog {

	private static final Logger logger = LoggerFactory.getLogger("latchkey.audit");

	/**
	 * @param event what happened
	 * @param userId whose account, or {@code null} when unknown (a failed login for a name that
	 * may not exist is recorded without it)
	 * @param ip the client address
	 * @param userAgent the client's user agent
	 * @param outcome a short word on the result
	 */
	public void record(AuditEvent event, Long userId, String ip, String userAgent, String outcome) {
		LoggingEventBuilder entry = logger.atInfo()
			.addKeyValue("event", event.logName())
			.addKeyValue("user_id", userId)
			.addKeyValue("ip", clean(ip))
			.addKeyValue("user_agent", clean(userAgent))
			.addKeyValue("outcome", outcome);
		entry.log("audit event={} user_id={} ip={} outcome={}", event.logName(), userId, clean(ip), outcome);
	}

	/** No control characters: a user agent must not forge log lines. */
	private static String clean(String value) {
		if (value == null) {
			return "";
		}
		String printable = value.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() <= 200) ? printable : printable.substring(0, 200);
	}

}
