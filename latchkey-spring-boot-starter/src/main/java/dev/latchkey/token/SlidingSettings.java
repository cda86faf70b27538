package dev.latchkey.token;

import java.time.Duration;

/**
 * SimpleJWT's sliding tokens.
 *
 * @param lifetime {@code SLIDING_TOKEN_LIFETIME}: how long one authenticates
 * @param refreshLifetime {@code SLIDING_TOKEN_REFRESH_LIFETIME}: how long it can be refreshed
 * @param authenticates whether the request filter accepts sliding tokens (SimpleJWT's
 * {@code AUTH_TOKEN_CLASSES} including {@code SlidingToken})
 */
public record SlidingSettings(Duration lifetime, Duration refreshLifetime, boolean authenticates) {

	public SlidingSettings {
		if (lifetime == null || lifetime.isNegative() || lifetime.isZero() || refreshLifetime == null
				|| refreshLifetime.isNegative() || refreshLifetime.isZero()) {
			throw new IllegalArgumentException("sliding lifetimes must be positive");
		}
	}

	/** SimpleJWT's defaults: 5 minutes, refreshable for a day, not accepted by the filter. */
	public static SlidingSettings defaults() {
		return new SlidingSettings(Duration.ofMinutes(5), Duration.ofDays(1), false);
	}

}
