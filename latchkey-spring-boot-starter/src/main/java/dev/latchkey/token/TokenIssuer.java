package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Mints SimpleJWT-shaped tokens: payload keys in SimpleJWT's order ({@code token_type},
 * {@code exp}, {@code iat}, {@code jti}, user id), integer NumericDates, a {@code jti} of 32
 * lowercase hex digits ({@code uuid4().hex}), then Latchkey's session id ({@code sid}) and
 * {@code aud}/{@code iss} when configured. SimpleJWT ignores the claims it does not know.
 */
public final class TokenIssuer {

	private static final Set<String> RESERVED = Set.of(TokenClaims.TOKEN_TYPE, TokenClaims.EXPIRES_AT,
			TokenClaims.ISSUED_AT, TokenClaims.TOKEN_ID, TokenClaims.SESSION_ID, TokenClaims.AUDIENCE, TokenClaims.ISSUER,
			TokenClaims.NOT_BEFORE, TokenClaims.REFRESH_EXPIRES_AT, TokenClaims.AUTHENTICATION_METHODS);

	private final TokenCodec codec;

	private final TokenSettings settings;

	private final Clock clock;

	private final List<ExtraClaims> extraClaims;

	public TokenIssuer(TokenCodec codec, TokenSettings settings, Clock clock) {
		this(codec, settings, clock, List.of());
	}

	/**
	 * @param extraClaims contributors of application claims, in order
	 */
	public TokenIssuer(TokenCodec codec, TokenSettings settings, Clock clock, List<ExtraClaims> extraClaims) {
		this.codec = codec;
		this.settings = settings;
		this.clock = clock;
		this.extraClaims = List.copyOf(extraClaims);
	}

	/**
	 * Issue a refresh token and the access token that goes with it, sharing one {@code iat}; the
	 * refresh token never outlives {@code notAfter} (the session's absolute end).
	 * @param userId the user's primary key
	 * @param sessionId the session, written as the {@code sid} claim ({@code null} for none)
	 * @param notAfter the latest {@code exp} the refresh token may have
	 * @return the pair and what must be recorded of its refresh token
	 */
	public IssuedPair issuePair(long userId, String sessionId, Instant notAfter) {
		return issuePair(userId, sessionId, notAfter, null);
	}

	/**
	 * {@link #issuePair(long, String, Instant)} whose access token carries the session's
	 * {@code amr} claim.
	 * @param amr how the session's user authenticated, or {@code null} for no claim
	 */
	public IssuedPair issuePair(long userId, String sessionId, Instant notAfter, List<String> amr) {
		Instant now = this.clock.instant();
		Instant refreshExpiry = min(now.plus(this.settings.refreshLifetime()), notAfter);
		String refreshId = newTokenId();
		String refresh = encode(TokenType.REFRESH, refreshId, userId, sessionId, now, refreshExpiry);
		return new IssuedPair(new TokenPair(issueAccess(userId, sessionId, amr), refresh), refreshId, now, refreshExpiry);
	}

	/** Issue an access token alone (refresh without rotation). */
	public String issueAccess(long userId, String sessionId) {
		return issueAccess(userId, sessionId, null);
	}

	/**
	 * Issue an access token alone with the session's {@code amr} claim.
	 * @param amr how the session's user authenticated, or {@code null} for no claim
	 */
	public String issueAccess(long userId, String sessionId, List<String> amr) {
		Instant now = this.clock.instant();
		Map<String, Object> claims = claims(TokenType.ACCESS, newTokenId(), userId, sessionId, now,
				now.plus(this.settings.accessLifetime()));
		if (amr != null) {
			claims.put(TokenClaims.AUTHENTICATION_METHODS, List.copyOf(amr));
		}
		return this.codec.encode(claims);
	}

	/**
	 * Issue a sliding token: SimpleJWT's claims plus {@code refresh_exp}, the end of its refresh
	 * lifetime.
	 * @param tokenId the {@code jti} (a refreshed sliding token keeps it)
	 * @param refreshExpiresAt the {@code refresh_exp} claim
	 * @param lifetime how long the token authenticates
	 */
	public String issueSliding(long userId, String sessionId, String tokenId, Instant refreshExpiresAt,
			java.time.Duration lifetime) {
		Instant now = this.clock.instant();
		Map<String, Object> claims = claims(TokenType.SLIDING, tokenId, userId, sessionId, now, now.plus(lifetime));
		claims.put(TokenClaims.REFRESH_EXPIRES_AT, refreshExpiresAt.getEpochSecond());
		return this.codec.encode(claims);
	}

	/**
	 * Sign a refresh token that was issued before again, with its recorded claims: the same
	 * {@code jti}, {@code iat} and {@code exp}, so handing it out twice forks nothing.
	 */
	public String reissueRefresh(OutstandingToken token) {
		return encode(TokenType.REFRESH, token.tokenId(), token.userId(), token.sessionId(), token.createdAt(),
				token.expiresAt());
	}

	private String encode(TokenType type, String tokenId, long userId, String sessionId, Instant issuedAt,
			Instant expiresAt) {
		return this.codec.encode(claims(type, tokenId, userId, sessionId, issuedAt, expiresAt));
	}

	private Map<String, Object> claims(TokenType type, String tokenId, long userId, String sessionId, Instant issuedAt,
			Instant expiresAt) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(TokenClaims.TOKEN_TYPE, type.claimValue());
		claims.put(TokenClaims.EXPIRES_AT, expiresAt.getEpochSecond());
		claims.put(TokenClaims.ISSUED_AT, issuedAt.getEpochSecond());
		claims.put(TokenClaims.TOKEN_ID, tokenId);
		claims.put(this.settings.userIdClaim(), userId);
		if (sessionId != null) {
			claims.put(TokenClaims.SESSION_ID, sessionId);
		}
		if (this.settings.audience() != null) {
			claims.put(TokenClaims.AUDIENCE, this.settings.audience());
		}
		if (this.settings.issuer() != null) {
			claims.put(TokenClaims.ISSUER, this.settings.issuer());
		}
		for (ExtraClaims extra : this.extraClaims) {
			extra.claims(userId, type).forEach((name, value) -> {
				if (isReserved(name)) {
					throw new IllegalStateException("Extra claim '" + name + "' would replace one Latchkey relies on");
				}
				claims.put(name, value);
			});
		}
		return claims;
	}

	private boolean isReserved(String name) {
		return RESERVED.contains(name) || name.equals(this.settings.userIdClaim());
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	static String newTokenId() {
		return UUID.randomUUID().toString().replace("-", "");
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
