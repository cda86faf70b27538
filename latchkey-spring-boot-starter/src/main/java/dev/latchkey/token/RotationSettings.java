package dev.latchkey.token;

import java.time.Duration;

/**
 * How refresh tokens rotate.
 *
 * @param rotate SimpleJWT's {@code ROTATE_REFRESH_TOKENS}: refresh answers a new refresh token
 * @param blacklistAfterRotation SimpleJWT's {@code BLACKLIST_AFTER_ROTATION}: the old one stops
 * working, and presenting it again revokes the session (reuse detection)
 * @param gracePeriod how long after a rotation the old token may be presented again (two tabs
 * refreshing at once) and get the same successor instead of revoking the session
 * @param sessionMaximum the absolute end of a session, counted from its login
 */
public record RotationSettings(boolean rotate, boolean blacklistAfterRotation, Duration gracePeriod,
		Duration sessionMaximum) {

	public RotationSettings {
		if (gracePeriod == null || gracePeriod.isNegative()) {
			throw new IllegalArgumentException("gracePeriod must not be negative");
		}
		if (sessionMaximum == null || sessionMaximum.isNegative() || sessionMaximum.isZero()) {
			throw new IllegalArgumentException("sessionMaximum must be positive");
		}
	}

	/** Latchkey's defaults: rotation and blacklisting on, 10 s grace, 30-day sessions. */
	public static RotationSettings defaults() {
		return new RotationSettings(true, true, Duration.ofSeconds(10), Duration.ofDays(30));
	}

	/** Whether presenting a rotated-out token is a reuse to detect. */
	boolean detectsReuse() {
		return this.rotate && this.blacklistAfterRotation;
	}

}
