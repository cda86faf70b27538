package dev.latchkey.fault;

/**
 * The parent of every refusal Latchkey expects: a request the caller can correct or retry, never
 * a bug. Each fault knows its {@link Kind}, and optionally a machine-readable code and a wait;
 * the web layer's one renderer turns that into a status, headers and a DRF body. Faults carry no
 * stack trace: they are answers, not incidents.
 */
public abstract class Fault extends RuntimeException {

	protected Fault(String message) {
		super(message, null, false, false);
	}

	protected Fault(String message, Throwable cause) {
		super(message, cause, false, false);
	}

	/** What went wrong, in the caller's terms. */
	public abstract Kind kind();

	/** A machine-readable code for the body ({@code "token_not_valid"}), or {@code null} for none. */
	public String code() {
		return null;
	}

	/** Seconds the caller should wait before trying again, or {@code 0} when that does not apply. */
	public long retryAfterSeconds() {
		return 0;
	}

	/** The kinds of refusal, one per answer a client has to handle differently. */
	public enum Kind {

		/** The request itself is wrong (a field, the body, its type): fix it and send again. */
		INVALID,

		/** Who the caller is could not be established (credentials, token, account). */
		UNAUTHENTICATED,

		/** The caller is known, or need not be, and may not do this. */
		FORBIDDEN,

		/** What the request names does not exist (or is not the caller's to see). */
		NOT_FOUND,

		/** Too many attempts: wait {@link #retryAfterSeconds()} and try again. */
		THROTTLED,

		/** Latchkey is too busy right now: wait {@link #retryAfterSeconds()} and try again. */
		BUSY

	}

}
