package dev.latchkey.throttle;

import java.time.Instant;
import java.util.List;

/**
 * A password check reserved by {@link LoginThrottle#reserve}: already counted against its
 * subjects, so concurrent attempts see it before the hash is even computed.
 *
 * @param subjectKeys the counters of the account (normalised username, user id)
 * @param ipKey the counter of the client address
 * @param lockedUntil the lock this reservation set on the account, or {@code null}
 */
public record LoginAttempt(List<String> subjectKeys, String ipKey, Instant lockedUntil) {

	/** Whether this attempt locked the account for the attempts after it. */
	public boolean locked() {
		return this.lockedUntil != null;
	}

}
