package dev.latchkey.audit;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place Latchkey's security events flow through. Each event is written to the
 * {@code latchkey.audit} logger as structured key-value pairs (event, user id, client address,
 * user agent, outcome), which Spring Boot's structured logging
 * ({@code logging.structured.format.console=ecs|logstash}) emits as JSON fields, then handed to
 * every {@link LatchkeyEventListener}. By construction it takes no password, hash or token:
 * there is no parameter to put one in.
 */
public final class AuditLog {

	private static final Logger audit = LoggerFactory.getLogger("latchkey.audit");

	private static final Logger logger = LoggerFactory.getLogger(AuditLog.class);

	private final List<LatchkeyEventListener> listeners;

	private final Clock clock;

	/** An audit log that only writes to the log. */
	public AuditLog() {
		this(List.of(), Clock.systemUTC());
	}

	/**
	 * @param listeners told of every event, in this order
	 * @param clock when events happen
	 */
	public AuditLog(List<LatchkeyEventListener> listeners, Clock clock) {
		this.listeners = List.copyOf(listeners);
		this.clock = clock;
	}

	/**
	 * @param event what happened
	 * @param userId whose account, or {@code null} when unknown (a failed login for a name that
	 * may not exist is recorded without it)
	 * @param ip the client address
	 * @param userAgent the client's user agent
	 * @param outcome a short word on the result
	 */
	public void record(AuditEvent event, Long userId, String ip, String userAgent, String outcome) {
		LatchkeyEvent entry = new LatchkeyEvent(event, userId, clean(ip), clean(userAgent), outcome,
				this.clock.instant());
		audit.atInfo()
			.addKeyValue("event", event.logName())
			.addKeyValue("user_id", userId)
			.addKeyValue("ip", entry.ip())
			.addKeyValue("user_agent", entry.userAgent())
			.addKeyValue("outcome", outcome)
			.log("audit event={} user_id={} ip={} outcome={}", event.logName(), userId, entry.ip(), outcome);
		notifyListeners(event.logName(), (listener) -> listener.onEvent(entry));
	}

	/**
	 * Tell the listeners that a session was refreshed. Not written to the log: refreshes are
	 * routine, and every few minutes per signed-in user.
	 * @param userId whose session
	 */
	public void refreshed(long userId) {
		notifyListeners("refresh", (listener) -> listener.onRefresh(userId));
	}

	private void notifyListeners(String what, Consumer<LatchkeyEventListener> call) {
		for (LatchkeyEventListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				// The event already happened and is in the audit log: a broken listener must not
				// turn a successful login (or a detected attack) into a 500.
				logger.warn("Latchkey event listener {} failed on {}", listener.getClass().getName(), what, ex);
			}
		}
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
