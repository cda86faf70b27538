package dev.latchkey.server.importer;

import java.time.Instant;

/**
 * A SimpleJWT refresh token that Django blacklisted: a {@code token_blacklist_outstandingtoken}
 * row joined with its {@code token_blacklist_blacklistedtoken} row. The token string itself is
 * not carried over: the {@code jti} is all Latchkey needs to keep refusing it.
 *
 * @param jti the token's {@code jti} claim
 * @param userId its owner, or {@code null} when Django's user was deleted
 * @param createdAt when it was issued, or {@code null}
 * @param expiresAt when it expires
 * @param blacklistedAt when Django blacklisted it, or {@code null}
 */
public record DjangoToken(String jti, Long userId, Instant createdAt, Instant expiresAt, Instant blacklistedAt) {
}
