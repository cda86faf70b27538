package dev.latchkey.throttle;

import dev.latchkey.fault.Fault;

/**
 * Too many attempts: the client must wait. Rendered as DRF's 429
 * {@code "Request was throttled. Expected available in N seconds."} with {@code Retry-After: N}.
 */
public class ThrottledException extends Fault {

	private final long waitSeconds;

	public ThrottledException(long waitSeconds) {
		super(message(waitSeconds));
		this.waitSeconds = waitSeconds;
	}

	/** Whole seconds to wait, rounded up as DRF does, at least 1. */
	public long waitSeconds() {
		return this.waitSeconds;
	}

	private static String message(long wait) {
		return "Request was throttled. Expected available in " + wait + ((wait == 1) ? " second." : " seconds.");
	}

	@Override
	public Kind kind() {
		return Kind.THROTTLED;
	}

	@Override
	public long retryAfterSeconds() {
		return this.waitSeconds;
	}

}
