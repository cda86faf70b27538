package dev.latchkey.token;

import java.time.Instant;

/**
 * A refresh token Latchkey issued, as SimpleJWT's {@code OutstandingToken} records it, plus the
 * family (session) it belongs to. The token string itself is never stored: the {@code jti} is
 * enough to blacklist it, and a database leak then leaks no usable token.
 *
 * @param tokenId the {@code jti}
 * @param userId the owner
 * @param familyId the session the token belongs to; sign-up and each login start one
 * @param createdAt when it was issued
 * @param expiresAt its {@code exp}
 */
public record OutstandingToken(String tokenId, long userId, String familyId, Instant createdAt, Instant expiresAt) {
}
