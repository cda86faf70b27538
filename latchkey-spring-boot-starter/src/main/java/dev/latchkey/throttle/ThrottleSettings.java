package dev.latchkey.throttle;

import java.time.Duration;

/**
 * Brute-force and sign-up limits.
 *
 * @param usernameThreshold password checks on one account (by normalised username and by user
 * id, from anywhere) before it is locked; each check is counted when it is reserved, and a
 * success clears the count
 * @param ipThreshold failed logins from one client address (on any username) before it is locked
 * @param initialLockout the first lockout; each further failure doubles it
 * @param maximumLockout the longest lockout: how long a victim can be locked out at most
 * @param window failures older than this are forgotten
 * @param signUpsPerWindow sign-ups allowed per client address per {@code signUpWindow}
 * @param signUpWindow the sign-up counting window
 */
public record ThrottleSettings(int usernameThreshold, int ipThreshold, Duration initialLockout,
		Duration maximumLockout, Duration window, int signUpsPerWindow, Duration signUpWindow) {

	public ThrottleSettings {
		if (usernameThreshold < 1 || ipThreshold < 1 || signUpsPerWindow < 1) {
			throw new IllegalArgumentException("thresholds must be at least 1");
		}
		if (initialLockout.isNegative() || maximumLockout.compareTo(initialLockout) < 0) {
			throw new IllegalArgumentException("maximumLockout must be at least initialLockout");
		}
	}

	/** Latchkey's defaults: see the README's brute-force policy. */
	public static ThrottleSettings defaults() {
		return new ThrottleSettings(5, 50, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15), 20,
				Duration.ofHours(1));
	}

}
