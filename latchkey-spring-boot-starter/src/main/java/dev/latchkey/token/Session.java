package dev.latchkey.token;

import java.time.Instant;
import java.util.List;

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
 * @param amr how the user proved who they are when it started ({@code pwd}, {@code otp},
 * {@code webauthn}: RFC 8176's method names), the {@code amr} claim of its access tokens
 */
public record Session(String id, long userId, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
		Instant revokedAt, ClientInfo client, List<String> amr) {

	/** What a session started by a password alone records. */
	public static final List<String> PASSWORD = List.of("pwd");

	public Session {
		amr = (amr == null || amr.isEmpty()) ? PASSWORD : List.copyOf(amr);
	}

	/** A session started by a password alone. */
	public Session(String id, long userId, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
			Instant revokedAt, ClientInfo client) {
		this(id, userId, createdAt, lastUsedAt, expiresAt, revokedAt, client, PASSWORD);
	}

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

}
