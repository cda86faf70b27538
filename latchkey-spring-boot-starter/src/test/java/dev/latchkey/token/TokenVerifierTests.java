package dev.latchkey.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.latchkey.token.key.NimbusTokenCodec;

/**
 * {@link TokenVerifier} and {@link TokenIssuer} against the tokens SimpleJWT 5.2.2 issued in
 * {@code vectors.json}, at a clock fixed inside their lifetime.
 */
class TokenVerifierTests {

	private static final JsonNode VECTORS = load();

	private static final byte[] KEY = VECTORS.get("jwt").get("signing_key").asString().getBytes(StandardCharsets.UTF_8);

	private final TokenCodec codec = new NimbusTokenCodec(KEY, JWSAlgorithm.HS256);

	@Test
	void verifyWhenSimpleJwtRefreshTokenThenAccepted() {
		JsonNode vector = token("refresh");
		VerifiedToken token = verifierAt(vector, TokenSettings.defaults()).verify(vector.get("token").asString(), TokenType.REFRESH);
		assertThat(token.userId()).isEqualTo(42);
		assertThat(token.tokenId()).isEqualTo(vector.get("payload").get("jti").asString());
	}

	@Test
	void verifyWhenSimpleJwtAccessTokensThenAccepted() {
		for (String name : new String[] { "access", "access-from-refresh" }) {
			JsonNode vector = token(name);
			VerifiedToken token = verifierAt(vector, TokenSettings.defaults()).verify(vector.get("token").asString(), TokenType.ACCESS);
			assertThat(token.userId()).as(name).isEqualTo(Long.parseLong(vector.get("payload").get("user_id").asString()));
		}
	}

	@Test
	void verifyWhenUserIdIsNotAnIntegerThenRefused() {
		// Latchkey's ids are integers: a token naming "b4f1c3" can belong to no user.
		JsonNode vector = token("access-string-user-id");
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> verifierAt(vector, TokenSettings.defaults()).verify(vector.get("token").asString(), TokenType.ACCESS));
	}

	@Test
	void verifyWhenSignatureValidButExpiredAtIssueThenRefused() {
		JsonNode vector = token("access-expired");
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> verifierAt(token("access"), TokenSettings.defaults()).verify(vector.get("token").asString(), TokenType.ACCESS))
			.withMessage("Token is invalid or expired");
	}

	@Test
	void verifyWhenAccessTokenOfferedAsRefreshThenWrongType() {
		JsonNode vector = token("access");
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> verifierAt(vector, TokenSettings.defaults()).verify(vector.get("token").asString(), TokenType.REFRESH))
			.withMessage("Token has wrong type");
	}

	@Test
	void verifyWhenNegativeVectorsThenInvalidOrExpired() {
		for (String name : new String[] { "altered-signature", "signed-with-other-key", "tampered-payload", "alg-none",
				"alg-hs512-same-key" }) {
			JsonNode vector = token(name);
			assertThatExceptionOfType(InvalidTokenException.class).as(name)
				.isThrownBy(() -> verifierAt(token("access"), TokenSettings.defaults()).verify(vector.get("token").asString(), TokenType.ACCESS))
				.withMessage("Token is invalid or expired");
		}
	}

	@Test
	void verifyWhenExpiredThenInvalidOrExpiredUnlessWithinLeeway() {
		JsonNode vector = token("access");
		long exp = vector.get("payload").get("exp").asLong();
		Clock atExpiry = Clock.fixed(Instant.ofEpochSecond(exp), ZoneOffset.UTC);
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> new TokenVerifier(this.codec, TokenSettings.defaults(), atExpiry).verify(vector.get("token").asString(), TokenType.ACCESS));
		TokenSettings leeway = new TokenSettings(Duration.ofMinutes(5), Duration.ofDays(1), Duration.ofSeconds(30), "user_id", null, null);
		assertThat(new TokenVerifier(this.codec, leeway, atExpiry).verify(vector.get("token").asString(), TokenType.ACCESS).userId()).isEqualTo(7);
	}

	@Test
	void verifyWhenAudienceAndIssuerConfiguredThenRequired() {
		JsonNode vector = token("access-with-aud-iss");
		JsonNode payload = vector.get("payload");
		TokenSettings strict = new TokenSettings(Duration.ofMinutes(5), Duration.ofDays(1), Duration.ZERO, "user_id",
				payload.get("aud").asString(), payload.get("iss").asString());
		assertThat(verifierAt(vector, strict).verify(vector.get("token").asString(), TokenType.ACCESS).userId()).isEqualTo(7);
		TokenSettings other = new TokenSettings(Duration.ofMinutes(5), Duration.ofDays(1), Duration.ZERO, "user_id", "other", null);
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> verifierAt(vector, other).verify(vector.get("token").asString(), TokenType.ACCESS));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> verifierAt(token("access"), strict).verify(token("access").get("token").asString(), TokenType.ACCESS));
	}

	@Test
	void issuePairWhenSameKeyAndClaimsThenSimpleJwtLayoutAndVerifies() {
		JsonNode vector = token("refresh");
		Clock clock = clockAt(vector);
		TokenIssuer issuer = new TokenIssuer(this.codec, TokenSettings.defaults(), clock);
		TokenIssuer.IssuedPair issued = issuer.issuePair(42, null, Instant.MAX);
		String[] parts = issued.pair().access().split("\\.");
		assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
		assertThat(decode(parts[1])).matches("\\{\"token_type\":\"access\",\"exp\":\\d+,\"iat\":\\d+,\"jti\":\"[0-9a-f]{32}\",\"user_id\":42}");
		VerifiedToken refresh = new TokenVerifier(this.codec, TokenSettings.defaults(), clock).verify(issued.pair().refresh(), TokenType.REFRESH);
		assertThat(refresh.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(refresh.tokenId()).isEqualTo(issued.refreshTokenId());
		String withSession = issuer.issuePair(42, "f00d", Instant.MAX).pair().access();
		assertThat(decode(withSession.split("\\.")[1])).endsWith(",\"user_id\":42,\"sid\":\"f00d\"}");
		assertThat(new TokenVerifier(this.codec, TokenSettings.defaults(), clock).verify(withSession, TokenType.ACCESS).sessionId())
			.isEqualTo("f00d");
	}

	@Test
	void encodeWhenClaimsGivenThenSameBytesAsSimpleJwt() {
		JsonNode vector = token("refresh");
		Map<String, Object> claims = new LinkedHashMap<>();
		vector.get("payload").properties().forEach((e) -> claims.put(e.getKey(),
				e.getValue().isNumber() ? (Object) e.getValue().asLong() : e.getValue().asString()));
		assertThat(this.codec.encode(claims)).isEqualTo(vector.get("token").asString());
	}

	@Test
	void codecWhenKeyShorterThanHashThenRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new NimbusTokenCodec("short".getBytes(StandardCharsets.UTF_8), JWSAlgorithm.HS256));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new NimbusTokenCodec(KEY, JWSAlgorithm.HS512));
	}

	@Test
	void decodeWhenOverEightKilobytesOrGarbageThenInvalid() {
		for (String garbage : new String[] { "a".repeat(9000), "abc.def.ghi", "", "a.b", "....", "eyJhbGciOiJub25lIn0.e30." }) {
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.codec.decode(garbage));
		}
	}

	private TokenVerifier verifierAt(JsonNode vector, TokenSettings settings) {
		return new TokenVerifier(this.codec, settings, clockAt(vector));
	}

	private static Clock clockAt(JsonNode vector) {
		return Clock.fixed(Instant.ofEpochSecond(vector.get("payload").get("iat").asLong() + 10), ZoneOffset.UTC);
	}

	private static String decode(String part) {
		return new String(java.util.Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

	private static JsonNode token(String name) {
		for (JsonNode token : VECTORS.get("jwt").get("tokens")) {
			if (token.get("name").asString().equals(name)) {
				return token;
			}
		}
		throw new IllegalArgumentException(name);
	}

	private static JsonNode load() {
		try (InputStream in = TokenVerifierTests.class.getResourceAsStream("/dev/latchkey/vectors.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
