package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Checks a token as SimpleJWT's {@code Token.__init__} and {@code verify()} do, in the same
 * order so the same message comes out: signature and {@code exp} ("Token is invalid or
 * expired"), {@code jti}, then {@code token_type}. Also checks {@code nbf}, {@code iat} type,
 * audience and issuer when configured (as PyJWT does) and that the user id is an integer.
 */
public final class TokenVerifier {

	/** 9999-12-31T23:59:59Z. */
	private static final long MAX_NUMERIC_DATE = 253_402_300_799L;

	private final TokenCodec codec;

	private final TokenSettings settings;

	private final Clock clock;

	public TokenVerifier(TokenCodec codec, TokenSettings settings, Clock clock) {
		this.codec = codec;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Verify a token of the expected type.
	 * @param token the compact JWS
	 * @param expected the type the caller accepts
	 * @return the verified token
	 * @throws InvalidTokenException with SimpleJWT's message when any check fails
	 */
	public VerifiedToken verify(String token, TokenType expected) {
		return check(token, expected);
	}

	/**
	 * Verify a token of any type, as SimpleJWT's {@code UntypedToken} (the verify endpoint).
	 * @param token the compact JWS
	 * @return the verified token, its type read from the claim
	 * @throws InvalidTokenException with SimpleJWT's message when any check fails
	 */
	public VerifiedToken verifyUntyped(String token) {
		return check(token, null);
	}

	private VerifiedToken check(String token, TokenType expected) {
		Map<String, Object> claims = this.codec.decode(token);
		long now = this.clock.instant().getEpochSecond();
		long leeway = this.settings.leeway().toSeconds();
		Long expiresAt = epochSeconds(claims.get(TokenClaims.EXPIRES_AT));
		if (expiresAt == null || now >= expiresAt + leeway) {
			throw InvalidTokenException.invalidOrExpired();
		}
		Long notBefore = epochSeconds(claims.get(TokenClaims.NOT_BEFORE));
		if (claims.containsKey(TokenClaims.NOT_BEFORE) && (notBefore == null || now < notBefore - leeway)) {
			throw InvalidTokenException.invalidOrExpired();
		}
		Long issuedAt = epochSeconds(claims.get(TokenClaims.ISSUED_AT));
		if (claims.containsKey(TokenClaims.ISSUED_AT) && issuedAt == null) {
			throw InvalidTokenException.invalidOrExpired();
		}
		checkAudienceAndIssuer(claims);
		if (!(claims.get(TokenClaims.TOKEN_ID) instanceof String tokenId) || tokenId.isEmpty()) {
			throw new InvalidTokenException(InvalidTokenException.NO_ID);
		}
		Object type = claims.get(TokenClaims.TOKEN_TYPE);
		if (type == null) {
			throw new InvalidTokenException(InvalidTokenException.NO_TYPE);
		}
		TokenType actual = TokenType.fromClaim(type);
		if (expected != null && expected != actual) {
			throw new InvalidTokenException(InvalidTokenException.WRONG_TYPE);
		}
		long userId = userId(claims.get(this.settings.userIdClaim()));
		return new VerifiedToken(actual, tokenId, userId, Instant.ofEpochSecond(issuedAt != null ? issuedAt : 0),
				Instant.ofEpochSecond(expiresAt), claims);
	}

	private void checkAudienceAndIssuer(Map<String, Object> claims) {
		String audience = this.settings.audience();
		if (audience != null) {
			Object aud = claims.get(TokenClaims.AUDIENCE);
			boolean matches = audience.equals(aud) || (aud instanceof List<?> list && list.contains(audience));
			if (!matches) {
				throw InvalidTokenException.invalidOrExpired();
			}
		}
		String issuer = this.settings.issuer();
		if (issuer != null && !issuer.equals(claims.get(TokenClaims.ISSUER))) {
			throw InvalidTokenException.invalidOrExpired();
		}
	}

	/** A NumericDate (RFC 7519 section 2): an integral JSON number that fits a long, else null. */
	private static Long epochSeconds(Object value) {
		Long seconds = null;
		if (value instanceof Long || value instanceof Integer) {
			seconds = ((Number) value).longValue();
		}
		else if (value instanceof Double d && d == Math.floor(d) && !d.isInfinite()) {
			seconds = d.longValue();
		}
		// At most year 9999, what Python's datetime (so SimpleJWT) can represent: keeps Instant.ofEpochSecond
		// and the leeway arithmetic in range. Not Math.abs: Math.abs(Long.MIN_VALUE) is negative.
		return (seconds != null && seconds >= -MAX_NUMERIC_DATE && seconds <= MAX_NUMERIC_DATE) ? seconds : null;
	}

	/** SimpleJWT looks users up by the claim as given: an integer or a string of digits both work. */
	private static long userId(Object value) {
		if (value instanceof Long || value instanceof Integer) {
			return ((Number) value).longValue();
		}
		if (value instanceof String text && text.length() <= 18 && !text.isEmpty() && text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return Long.parseLong(text);
		}
		throw InvalidTokenException.invalidOrExpired();
	}

}
