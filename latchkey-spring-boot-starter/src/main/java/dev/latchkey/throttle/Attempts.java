package dev.latchkey.throttle;

import java.time.Instant;

/**
 * One counter: attempts counted since the window started, the last one, and the lock if any.
 *
 * @param count attempts in the current window
 * @param lastAt when the last attempt was counted
 * @param lockedUntil attempts are refused until then, or {@code null}
 */
public record Attempts(int count, Instant lastAt, Instant lockedUntil) {

	boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
