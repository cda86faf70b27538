package dev.latchkey.audit;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts Latchkey's security events with Micrometer. Every counter is registered up front, so
 * a dashboard shows zero rather than no data before the first event:
 * <ul>
 * <li>{@code latchkey.logins} tagged {@code outcome=success|failure|throttled}</li>
 * <li>{@code latchkey.lockouts}, {@code latchkey.signups}, {@code latchkey.reuse.detections},
 * {@code latchkey.password.changes}</li>
 * <li>{@code latchkey.logouts} tagged {@code scope=session} (logout, blacklist),
 * {@code all} (logout everywhere) or {@code revoked} (one session revoked from the list)</li>
 * <li>{@code latchkey.refreshes}</li>
 * </ul>
 * A lockout is counted both as a failed login and as a lockout: it is the failure that locked.
 */
public final class MicrometerEventListener implements LatchkeyEventListener {

	private final Map<AuditEvent, Counter> counters = new EnumMap<>(AuditEvent.class);

	private final Counter refreshes;

	public MicrometerEventListener(MeterRegistry registry) {
		this.counters.put(AuditEvent.LOGIN_SUCCEEDED, logins(registry, "success"));
		this.counters.put(AuditEvent.LOGIN_FAILED, logins(registry, "failure"));
		this.counters.put(AuditEvent.LOGIN_THROTTLED, logins(registry, "throttled"));
		this.counters.put(AuditEvent.LOCKOUT, counter(registry, "latchkey.lockouts", "Usernames or addresses locked"));
		this.counters.put(AuditEvent.SIGN_UP, counter(registry, "latchkey.signups", "Accounts created"));
		this.counters.put(AuditEvent.LOGOUT, logouts(registry, "session"));
		this.counters.put(AuditEvent.LOGOUT_ALL, logouts(registry, "all"));
		this.counters.put(AuditEvent.SESSION_REVOKED, logouts(registry, "revoked"));
		this.counters.put(AuditEvent.REUSE_DETECTED,
				counter(registry, "latchkey.reuse.detections", "Rotated-out refresh tokens presented again"));
		this.counters.put(AuditEvent.PASSWORD_CHANGED,
				counter(registry, "latchkey.password.changes", "Passwords changed by their users"));
		this.refreshes = counter(registry, "latchkey.refreshes", "Tokens refreshed");
	}

	@Override
	public void onEvent(LatchkeyEvent event) {
		Counter counter = this.counters.get(event.type());
		if (counter != null) {
			counter.increment();
		}
	}

	@Override
	public void onRefresh(long userId) {
		this.refreshes.increment();
	}

	private static Counter logins(MeterRegistry registry, String outcome) {
		return Counter.builder("latchkey.logins")
			.description("Login attempts by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	private static Counter logouts(MeterRegistry registry, String scope) {
		return Counter.builder("latchkey.logouts")
			.description("Sessions ended by their user")
			.tag("scope", scope)
			.register(registry);
	}

	private static Counter counter(MeterRegistry registry, String name, String description) {
		return Counter.builder(name).description(description).register(registry);
	}

}
