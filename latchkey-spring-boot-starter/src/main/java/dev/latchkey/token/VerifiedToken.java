package dev.latchkey.token;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token whose signature and claims were checked.
 *
 * @param type the {@code token_type} claim
 * @param tokenId the {@code jti} claim
 * @param userId the user id claim
 * @param issuedAt the {@code iat} claim
 * @param expiresAt the {@code exp} claim
 * @param claims every claim of the payload, in issue order
 */
public record VerifiedToken(TokenType type, String tokenId, long userId, Instant issuedAt, Instant expiresAt,
		Map<String, Object> claims) {

	public VerifiedToken {
		// Claims may hold JSON nulls (Map.copyOf refuses them) and keep their order.
		claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

	/** The session ({@code sid} claim) the token belongs to, or {@code null} for a token without one. */
	public String sessionId() {
		return (this.claims.get(TokenClaims.SESSION_ID) instanceof String sid) ? sid : null;
	}

}
