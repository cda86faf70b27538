package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Mints SimpleJWT-shaped tokens: payload keys in SimpleJWT's order ({@code token_type},
 * {@code exp}, {@code iat}, {@code jti}, user id), integer NumericDates, a {@code jti} of 32
 * lowercase hex digits ({@code uuid4().hex}), and {@code aud}/{@code iss} when configured.
 */
public final class TokenIssuer {

	private final TokenCodec codec;

	private final TokenSettings settings;

	private final Clock clock;

	public TokenIssuer(TokenCodec codec, TokenSettings settings, Clock clock) {
		this.codec = codec;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Issue a refresh token and the access token that goes with it; both share one {@code iat}.
	 * @param userId the user's primary key
	 * @return the minted refresh token's details and the pair
	 */
	public IssuedPair issuePair(long userId) {
		Instant now = this.clock.instant();
		Minted refresh = mint(TokenType.REFRESH, userId, now, this.settings.refreshLifetime());
		Minted access = mint(TokenType.ACCESS, userId, now, this.settings.accessLifetime());
		return new IssuedPair(new TokenPair(access.token(), refresh.token()), refresh.tokenId(), now,
				refresh.expiresAt());
	}

	private Minted mint(TokenType type, long userId, Instant issuedAt, java.time.Duration lifetime) {
		Instant expiresAt = issuedAt.plus(lifetime);
		String tokenId = newTokenId();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(TokenClaims.TOKEN_TYPE, type.claimValue());
		claims.put(TokenClaims.EXPIRES_AT, expiresAt.getEpochSecond());
		claims.put(TokenClaims.ISSUED_AT, issuedAt.getEpochSecond());
		claims.put(TokenClaims.TOKEN_ID, tokenId);
		claims.put(this.settings.userIdClaim(), userId);
		if (this.settings.audience() != null) {
			claims.put(TokenClaims.AUDIENCE, this.settings.audience());
		}
		if (this.settings.issuer() != null) {
			claims.put(TokenClaims.ISSUER, this.settings.issuer());
		}
		return new Minted(this.codec.encode(claims), tokenId, expiresAt);
	}

	static String newTokenId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private record Minted(String token, String tokenId, Instant expiresAt) {
	}

	/**
	 * A freshly issued pair and what must be recorded of its refresh token.
	 *
	 * @param pair the tokens
	 * @param refreshTokenId the refresh token's {@code jti}
	 * @param issuedAt the shared {@code iat}
	 * @param refreshExpiresAt the refresh token's {@code exp}
	 */
	public record IssuedPair(TokenPair pair, String refreshTokenId, Instant issuedAt, Instant refreshExpiresAt) {
	}

}
