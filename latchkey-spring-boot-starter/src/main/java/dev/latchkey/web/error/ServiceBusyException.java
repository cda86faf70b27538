package dev.latchkey.web.error;

import dev.latchkey.fault.Fault;

/**
 * Too many requests in progress on this instance: DRF's 503 with the given {@code Retry-After}.
 */
public class ServiceBusyException extends Fault {

	private final long retryAfterSeconds;

	public ServiceBusyException(long retryAfterSeconds) {
		super(ErrorBody.SERVICE_UNAVAILABLE);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	@Override
	public Kind kind() {
		return Kind.BUSY;
	}

	@Override
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
