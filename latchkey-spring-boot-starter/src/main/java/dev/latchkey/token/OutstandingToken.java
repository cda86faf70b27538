package dev.latchkey.token;

import java.time.Instant;

/**
 * A refresh token Latchkey issued, as SimpleJWT's {@code OutstandingToken} records it, plus the
 * session (session) it belongs to and what replaced it. The token string itself is never stored:
 * the {@code jti} is enough to blacklist it, and a database leak then leaks no usable token.
 *
 * @param tokenId the {@code jti}
 * @param userId the owner
 * @param sessionId the session the token belongs to
 * @param createdAt its {@code iat}
 * @param expiresAt its {@code exp}
 * @param replacedBy the {@code jti} of the token it was rotated into, or {@code null}
 * @param replacedAt when it was rotated, or {@code null}
 * @param blacklisted whether it was blacklisted (rotated out, logged out, ...)
 */
public record OutstandingToken(String tokenId, long userId, String sessionId, Instant createdAt, Instant expiresAt,
		String replacedBy, Instant replacedAt, boolean blacklisted) {

	/** A token just issued: not replaced, not blacklisted. */
	public static OutstandingToken issued(String tokenId, long userId, String sessionId, Instant createdAt,
			Instant expiresAt) {
		return new OutstandingToken(tokenId, userId, sessionId, createdAt, expiresAt, null, null, false);
	}

	public boolean isReplaced() {
		return this.replacedBy != null;
	}

}
