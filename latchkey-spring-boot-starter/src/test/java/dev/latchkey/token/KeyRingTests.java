package dev.latchkey.token;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.latchkey.token.key.KeyGenerator;
import dev.latchkey.token.key.NimbusTokenCodec;
import dev.latchkey.token.key.PublicKeySet;
import dev.latchkey.token.key.SigningKey;
import dev.latchkey.token.key.SigningKeys;

/**
 * {@link NimbusTokenCodec} over named keys of every supported algorithm: signing, verifying,
 * rotation, and the attacks that target key selection.
 */
class KeyRingTests {

	private static final Map<String, Object> CLAIMS = Map.of("token_type", "access", "jti", "a", "user_id", 1);

	static SigningKey generated(String alg, String kid, boolean active) {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(alg);
		return SigningKeys.fromJwk(KeyGenerator.generate(algorithm, kid), algorithm, active);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
			"ES384", "ES512", "EdDSA" })
	void encodeWhenAnySupportedAlgorithmThenVerifiesAndNamesItsKey(String alg) throws Exception {
		NimbusTokenCodec codec = new NimbusTokenCodec(List.of(generated(alg, "k-" + alg, true)), null);
		String token = codec.encode(CLAIMS);

		assertThat(codec.decode(token)).containsEntry("jti", "a");
		JWSHeader header = JWSObject.parse(token).getHeader();
		assertThat(header.getAlgorithm().getName()).isEqualTo(alg);
		assertThat(header.getKeyID()).isEqualTo("k-" + alg);
	}

	@Test
	void decodeWhenHeaderNamesAnotherAlgorithmThenRefused() throws Exception {
		NimbusTokenCodec es = new NimbusTokenCodec(List.of(generated("ES256", "k", true)), null);
		NimbusTokenCodec other = new NimbusTokenCodec(List.of(generated("ES384", "k", true)), null);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> es.decode(other.encode(CLAIMS)));
		String none = "eyJhbGciOiJub25lIiwia2lkIjoiayJ9." + Base64URL.encode("{\"jti\":\"a\"}") + ".";
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> es.decode(none));
	}

	@Test
	void rotationWhenNewKeyAddedThenOldTokensVerifyUntilOldKeyDropped() {
		SigningKey old = generated("ES256", "2026-01", true);
		NimbusTokenCodec before = new NimbusTokenCodec(List.of(old), null);
		String issuedBefore = before.encode(CLAIMS);

		SigningKey next = generated("ES256", "2026-02", true);
		SigningKey oldVerifyOnly = new SigningKey(old.keyId(), old.algorithm(), false, old.signer(), old.verifier(), old.publicJwk());
		NimbusTokenCodec during = new NimbusTokenCodec(List.of(next, oldVerifyOnly), null);
		String issuedDuring = during.encode(CLAIMS);
		assertThat(during.decode(issuedBefore)).containsEntry("jti", "a");
		assertThat(during.decode(issuedDuring)).containsEntry("jti", "a");
		assertThat(new PublicKeySet(during.keys()).toJson().get("keys")).asList().hasSize(2);

		NimbusTokenCodec after = new NimbusTokenCodec(List.of(next), null);
		assertThat(after.decode(issuedDuring)).containsEntry("jti", "a");
		assertThat(after.encode(CLAIMS)).isNotNull();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> after.decode(issuedBefore));
	}

	@Test
	void authenticatorWhenRotatedThenAccessTokenOfEveryPhaseAuthenticatesUntilDropped() {
		Clock clock = Clock.systemUTC();
		SigningKey first = generated("RS256", "first", true);
		NimbusTokenCodec phase1 = new NimbusTokenCodec(List.of(first), null);
		String access1 = new TokenIssuer(phase1, TokenSettings.defaults(), clock).issuePair(1, null, Instant.MAX).pair().access();
		SigningKey second = generated("RS256", "second", true);
		NimbusTokenCodec phase2 = new NimbusTokenCodec(List.of(second,
				new SigningKey("first", first.algorithm(), false, first.signer(), first.verifier(), first.publicJwk())), null);
		String access2 = new TokenIssuer(phase2, TokenSettings.defaults(), clock).issuePair(1, null, Instant.MAX).pair().access();
		TokenVerifier verifier2 = new TokenVerifier(phase2, TokenSettings.defaults(), clock);
		assertThat(verifier2.verify(access1, TokenType.ACCESS).userId()).isEqualTo(1);
		assertThat(verifier2.verify(access2, TokenType.ACCESS).userId()).isEqualTo(1);
		TokenVerifier verifier3 = new TokenVerifier(new NimbusTokenCodec(List.of(second), null), TokenSettings.defaults(), clock);
		assertThat(verifier3.verify(access2, TokenType.ACCESS).userId()).isEqualTo(1);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> verifier3.verify(access1, TokenType.ACCESS));
	}

	@Test
	void decodeWhenRsaPublicKeyUsedAsHmacSecretThenRefused() throws Exception {
		SigningKey rsa = generated("RS256", "rsa", true);
		NimbusTokenCodec codec = new NimbusTokenCodec(List.of(rsa), null);
		RSAKey publicKey = (RSAKey) rsa.publicJwk();
		byte[] pem = ("-----BEGIN PUBLIC KEY-----\n" + Base64.encode(publicKey.toRSAPublicKey().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.UTF_8);
		for (byte[] secret : new byte[][] { pem, publicKey.toRSAPublicKey().getEncoded() }) {
			JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID("rsa").build(),
					new Payload(CLAIMS));
			forged.sign(new MACSigner(secret));
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> codec.decode(forged.serialize()));
		}
	}

	@Test
	void decodeWhenKidTraversalOrKeyReferenceHeadersThenRefused() throws Exception {
		SigningKey key = SigningKeys.secret(null, JWSAlgorithm.HS256, "a-secret-of-at-least-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8), true);
		NimbusTokenCodec codec = new NimbusTokenCodec(List.of(key), null);
		JWK attackerKey = KeyGenerator.generate(JWSAlgorithm.RS256, "attacker");
		JWSHeader[] headers = {
				new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("../../etc/passwd").build(),
				new JWSHeader.Builder(JWSAlgorithm.HS256).jwkURL(java.net.URI.create("http://127.0.0.1:1/jwks.json")).build(),
				new JWSHeader.Builder(JWSAlgorithm.HS256).x509CertURL(java.net.URI.create("http://127.0.0.1:1/x.pem")).build(),
				new JWSHeader.Builder(JWSAlgorithm.HS256).jwk(attackerKey.toPublicJWK()).build() };
		for (JWSHeader header : headers) {
			// Signed with the right secret: only the header is hostile, and that alone must refuse it.
			JWSObject token = new JWSObject(header, new Payload(CLAIMS));
			token.sign(key.signer());
			assertThatExceptionOfType(InvalidTokenException.class).as(header.toString()).isThrownBy(() -> codec.decode(token.serialize()));
		}
	}

	@Test
	void signingKeysWhenTooWeakOrMismatchedThenRefused() throws Exception {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> SigningKeys.secret("k", JWSAlgorithm.HS512, new byte[32], true));
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		RSAKey weak = new RSAKey.Builder((RSAPublicKey) generator.generateKeyPair().getPublic()).keyID("weak").build();
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> SigningKeys.fromJwk(weak, JWSAlgorithm.RS256, false))
			.withMessageContaining("2048");
		JWK es256 = KeyGenerator.generate(JWSAlgorithm.ES256, "ec");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> SigningKeys.fromJwk(es256, JWSAlgorithm.ES384, true));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> SigningKeys.fromJwk(es256, JWSAlgorithm.RS256, true));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> SigningKeys.fromJwkJson("x", JWSAlgorithm.ES256, "not json", true));
	}

	@Test
	void codecWhenNoOrTwoActiveKeysOrOnlyPublicPartThenRefused() {
		SigningKey a = generated("ES256", "a", true);
		SigningKey b = generated("ES256", "b", true);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new NimbusTokenCodec(List.of(a, b), null));
		SigningKey publicOnly = SigningKeys.fromJwk(a.publicJwk(), JWSAlgorithm.ES256, true);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new NimbusTokenCodec(List.of(publicOnly), null));
	}

	@Test
	void publicKeySetWhenPublishedThenNoPrivatePartsAndNoSecrets() {
		SigningKey rsa = generated("RS256", "rsa", true);
		SigningKey hmac = generated("HS256", "hs", false);
		Map<String, Object> json = new PublicKeySet(List.of(rsa, hmac)).toJson();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> keys = (List<Map<String, Object>>) json.get("keys");
		assertThat(keys).hasSize(1);
		assertThat(keys.get(0)).containsEntry("kid", "rsa").containsKeys("kty", "n", "e", "kid", "alg", "use").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "k");
	}

}
