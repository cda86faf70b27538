package dev.latchkey.password;

import java.time.Duration;

import dev.latchkey.fault.Fault;

/**
 * A hash could not start within the hashing budget: the server is overloaded by requests that
 * hash, and refuses this one at once (a 503 with {@code Retry-After}) rather than let it wait.
 */
public class HashingBusyException extends Fault {

	private final Duration predictedWait;

	/** @param predictedWait how long the refused hash would have waited to start */
	public HashingBusyException(Duration predictedWait) {
		super("Service temporarily unavailable, try again later.");
		this.predictedWait = predictedWait;
	}

	/** How long the refused hash would have waited to start. */
	public Duration predictedWait() {
		return this.predictedWait;
	}

	/** Whole seconds after which a retry may be admitted: the predicted wait rounded up, at least 1. */
	@Override
	public long retryAfterSeconds() {
		long millis = this.predictedWait.toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

	@Override
	public Kind kind() {
		return Kind.BUSY;
	}

}
