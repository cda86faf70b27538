package dev.latchkey.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TokenCodec} that remembers the claims of access tokens its delegate verified, so that a
 * client presenting the same access token on every request (what a front end does for five
 * minutes) has its signature checked once, as Envoy's {@code jwt_authn} does. Everything else still
 * happens on every request: {@link TokenVerifier}'s expiry, type and claim checks run on the cached
 * claims, and {@link AccessTokenAuthenticator#authenticate} checks the revoked sessions and the filter
 * the active user, exactly as without the cache.
 *
 * <ul>
 * <li>Only the delegate (Nimbus) verifies signatures; a miss always goes to it.</li>
 * <li>An entry is keyed by the SHA-256 of the whole compact token, and a hit is served only when
 * the stored token equals the presented one byte for byte ({@link MessageDigest#isEqual}, constant
 * time): a token differing in any byte (another signature, one more character) is a miss.</li>
 * <li>An entry never outlives the token's {@code exp}, nor {@code maximumAge} after it was
 * verified (which bounds how long a token signed by a key since removed from a remote JWK Set is
 * still served).</li>
 * <li>Only tokens whose {@code token_type} is {@code access} or {@code sliding} are kept: refresh
 * tokens are presented once.</li>
 * <li>At most {@code maximumSize} entries: when full, expired entries are dropped, and if that is
 * not enough, arbitrary entries until a tenth of the room is free again.</li>
 * </ul>
 */
public final class VerifiedTokenCache implements TokenCodec {

	private static final MessageDigest SHA_256;

	static {
		try {
			SHA_256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private final TokenCodec delegate;

	private final int maximumSize;

	private final long maximumAgeMillis;

	private final Clock clock;

	private final ConcurrentHashMap<ByteBuffer, Entry> entries;

	/**
	 * @param delegate the codec that verifies signatures
	 * @param maximumSize how many tokens are kept at most (at least 1)
	 * @param maximumAge how long after its verification an entry is served at most
	 * @param clock the clock {@code exp} is compared with
	 */
	public VerifiedTokenCache(TokenCodec delegate, int maximumSize, Duration maximumAge, Clock clock) {
		if (maximumSize < 1) {
			throw new IllegalArgumentException("maximumSize must be at least 1");
		}
		this.delegate = delegate;
		this.maximumSize = maximumSize;
		this.maximumAgeMillis = maximumAge.toMillis();
		this.clock = clock;
		this.entries = new ConcurrentHashMap<>(Math.min(maximumSize, 1024) * 2);
	}

	/**
	 * The codec to verify with: {@code codec} itself when {@code maximumSize} or
	 * {@code maximumAge} is zero (cache switched off), else a cache in front of it.
	 */
	public static TokenCodec wrap(TokenCodec codec, int maximumSize, Duration maximumAge, Clock clock) {
		if (maximumSize <= 0 || maximumAge.isZero() || maximumAge.isNegative()) {
			return codec;
		}
		return new VerifiedTokenCache(codec, maximumSize, maximumAge, clock);
	}

	@Override
	public String encode(Map<String, Object> claims) {
		return this.delegate.encode(claims);
	}

	@Override
	public Map<String, Object> decode(String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return this.delegate.decode(token);
		}
		byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
		ByteBuffer key = ByteBuffer.wrap(digest(bytes));
		long now = this.clock.millis();
		Entry entry = this.entries.get(key);
		if (entry != null) {
			if (now < entry.expiresAtMillis && MessageDigest.isEqual(entry.token, bytes)) {
				return entry.claims;
			}
			if (now >= entry.expiresAtMillis) {
				this.entries.remove(key, entry);
			}
		}
		Map<String, Object> claims = this.delegate.decode(token);
		long expiresAt = expiresAtMillis(claims, now);
		if (expiresAt <= now) {
			return claims;
		}
		Map<String, Object> frozen = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
		if (this.entries.size() >= this.maximumSize) {
			makeRoom(now);
		}
		this.entries.put(key, new Entry(bytes, frozen, expiresAt));
		return frozen;
	}

	/** How many tokens are kept now. */
	public int size() {
		return this.entries.size();
	}

	/** Forget every token, as after a change of keys. */
	public void clear() {
		this.entries.clear();
	}

	/** When a verified token's entry stops being served: its exp, or the maximum age; now if not kept at all. */
	private long expiresAtMillis(Map<String, Object> claims, long now) {
		Object type = claims.get(TokenClaims.TOKEN_TYPE);
		if (!TokenType.ACCESS.claimValue().equals(type) && !TokenType.SLIDING.claimValue().equals(type)) {
			return now;
		}
		Object exp = claims.get(TokenClaims.EXPIRES_AT);
		if (!(exp instanceof Long || exp instanceof Integer)) {
			return now;
		}
		long expSeconds = ((Number) exp).longValue();
		if (expSeconds > Long.MAX_VALUE / 1000 || expSeconds < 0) {
			return now;
		}
		return Math.min(expSeconds * 1000, now + this.maximumAgeMillis);
	}

	private void makeRoom(long now) {
		this.entries.values().removeIf((entry) -> now >= entry.expiresAtMillis);
		int target = this.maximumSize - Math.max(1, this.maximumSize / 10);
		Iterator<ByteBuffer> keys = this.entries.keySet().iterator();
		while (this.entries.size() > target && keys.hasNext()) {
			keys.next();
			keys.remove();
		}
	}

	private static byte[] digest(byte[] bytes) {
		try {
			return ((MessageDigest) SHA_256.clone()).digest(bytes);
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Entry(byte[] token, Map<String, Object> claims, long expiresAtMillis) {
	}

}
