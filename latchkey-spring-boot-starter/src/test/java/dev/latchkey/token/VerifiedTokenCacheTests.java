package dev.latchkey.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;

import dev.latchkey.testing.MutableClock;
import dev.latchkey.token.key.NimbusTokenCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokenCacheTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));

	private final NimbusTokenCodec nimbus = new NimbusTokenCodec(
			"cache-tests-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8), JWSAlgorithm.HS256);

	private final AtomicInteger decodes = new AtomicInteger();

	private final TokenCodec counting = new TokenCodec() {

		@Override
		public String encode(Map<String, Object> claims) {
			return VerifiedTokenCacheTests.this.nimbus.encode(claims);
		}

		@Override
		public Map<String, Object> decode(String token) {
			VerifiedTokenCacheTests.this.decodes.incrementAndGet();
			return VerifiedTokenCacheTests.this.nimbus.decode(token);
		}

	};

	private final TokenIssuer issuer = new TokenIssuer(this.nimbus, TokenSettings.defaults(), this.clock, java.util.List.of());

	private VerifiedTokenCache cache(int size) {
		return new VerifiedTokenCache(this.counting, size, Duration.ofMinutes(5), this.clock);
	}

	private String access(long userId) {
		return this.issuer.issuePair(userId, "s" + userId, Instant.MAX).pair().access();
	}

	@Test
	void decodeWhenSameTokenAgainThenSameClaimsWithoutVerifyingAgain() {
		VerifiedTokenCache cache = cache(16);
		String token = access(7);

		Map<String, Object> first = cache.decode(token);
		Map<String, Object> second = cache.decode(token);

		assertThat(second).isEqualTo(first).isEqualTo(this.nimbus.decode(token)).containsEntry("user_id", 7L);
		assertThat(this.decodes).hasValue(1);
		TokenVerifier verifier = new TokenVerifier(cache, TokenSettings.defaults(), this.clock);
		assertThat(verifier.verify(token, TokenType.ACCESS).userId()).isEqualTo(7);
		assertThat(this.decodes).hasValue(1);
	}

	@Test
	void decodeWhenTokenDiffersInAnyByteThenMissAndNimbusDecides() {
		VerifiedTokenCache cache = cache(16);
		String token = access(7);
		cache.decode(token);

		String otherSignature = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "AB" : "AA");
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> cache.decode(otherSignature));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> cache.decode(token + "A"));
		// Nimbus, not the cache, decides about a token with a leading space (it trims it): still a miss.
		assertThat(cache.decode(" " + token)).isEqualTo(this.nimbus.decode(" " + token));
		assertThat(this.decodes).hasValue(4);
		String another = access(8);
		assertThat(cache.decode(another)).containsEntry("user_id", 8L);
		assertThat(this.decodes).hasValue(5);
	}

	@Test
	void decodeWhenEntryReachedExpThenNotServedAndVerifierRefuses() {
		VerifiedTokenCache cache = cache(16);
		String token = access(7);
		cache.decode(token);

		this.clock.advance(Duration.ofMinutes(5));
		TokenVerifier verifier = new TokenVerifier(cache, TokenSettings.defaults(), this.clock);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> verifier.verify(token, TokenType.ACCESS));
		assertThat(this.decodes).hasValue(2);
		assertThat(cache.size()).isZero();
	}

	@Test
	void decodeWhenMaximumAgeShorterThanExpThenVerifiedAgainAfterIt() {
		VerifiedTokenCache cache = new VerifiedTokenCache(this.counting, 16, Duration.ofSeconds(30), this.clock);
		String token = access(7);
		cache.decode(token);
		this.clock.advance(Duration.ofSeconds(29));
		cache.decode(token);
		assertThat(this.decodes).hasValue(1);
		this.clock.advance(Duration.ofSeconds(1));
		cache.decode(token);
		assertThat(this.decodes).hasValue(2);
	}

	@Test
	void decodeWhenRefreshTokenThenNotKept() {
		VerifiedTokenCache cache = cache(16);
		String refresh = this.issuer.issuePair(7, "s7", Instant.MAX).pair().refresh();
		cache.decode(refresh);
		cache.decode(refresh);
		assertThat(this.decodes).hasValue(2);
		assertThat(cache.size()).isZero();
	}

	@Test
	void decodeWhenMoreTokensThanRoomThenSizeStaysBounded() {
		VerifiedTokenCache cache = cache(100);
		for (int user = 1; user <= 1000; user++) {
			cache.decode(access(user));
			assertThat(cache.size()).isLessThanOrEqualTo(100);
		}
		String recent = access(5000);
		cache.decode(recent);
		cache.decode(recent);
		assertThat(this.decodes).hasValue(1001);
	}

	@Test
	void cachedClaimsCannotBeChangedByACaller() {
		VerifiedTokenCache cache = cache(16);
		String token = access(7);
		Map<String, Object> claims = cache.decode(token);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> claims.put("user_id", 1L));
	}

	@Test
	void wrapWhenSizeOrAgeZeroThenNoCache() {
		assertThat(VerifiedTokenCache.wrap(this.nimbus, 0, Duration.ofMinutes(5), this.clock)).isSameAs(this.nimbus);
		assertThat(VerifiedTokenCache.wrap(this.nimbus, 10, Duration.ZERO, this.clock)).isSameAs(this.nimbus);
		assertThat(VerifiedTokenCache.wrap(this.nimbus, 10, Duration.ofMinutes(1), this.clock)).isInstanceOf(VerifiedTokenCache.class);
	}
}
