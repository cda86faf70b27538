package dev.latchkey.token;

import java.time.Instant;

/**
 * A session: the refresh tokens descended by rotation from one login or sign-up.
 *
 * @param id opaque id, also the {@code sid} claim of its tokens
 * @param userId the owner
 * @param createdAt when the login happened
 * @param lastUsedAt when a token of the session was last refreshed
 * @param expiresAt the absolute end of the session, however often it rotates
 * @param revokedAt when it was revoked (logout, reuse detection, ...), or {@code null}
 * @param client who started it
 */
public record Session(String id, long userId, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
		Instant revokedAt, ClientInfo client) {

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

}
