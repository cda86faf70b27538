package dev.latchkey.token;

import java.time.Duration;

/**
 * What goes into a token and how strictly one is checked, as SimpleJWT's settings of the same
 * names.
 *
 * @param accessLifetime {@code ACCESS_TOKEN_LIFETIME}
 * @param refreshLifetime {@code REFRESH_TOKEN_LIFETIME}
 * @param leeway {@code LEEWAY}: clock skew tolerated when checking {@code exp} and {@code nbf}
 * @param userIdClaim {@code USER_ID_CLAIM}
 * @param audience {@code AUDIENCE}, or {@code null} for none
 * @param issuer {@code ISSUER}, or {@code null} for none
 */
public record TokenSettings(Duration accessLifetime, Duration refreshLifetime, Duration leeway, String userIdClaim,
		String audience, String issuer) {

	public TokenSettings {
		requirePositive(accessLifetime, "accessLifetime");
		requirePositive(refreshLifetime, "refreshLifetime");
		if (leeway == null || leeway.isNegative()) {
			throw new IllegalArgumentException("leeway must not be negative");
		}
		if (userIdClaim == null || userIdClaim.isBlank()) {
			throw new IllegalArgumentException("userIdClaim must not be blank");
		}
	}

	/** SimpleJWT's defaults: access 5 minutes, refresh 1 day, no leeway, {@code user_id}. */
	public static TokenSettings defaults() {
		return new TokenSettings(Duration.ofMinutes(5), Duration.ofDays(1), Duration.ZERO, TokenClaims.DEFAULT_USER_ID,
				null, null);
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
