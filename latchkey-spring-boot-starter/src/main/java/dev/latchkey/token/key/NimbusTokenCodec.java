package dev.latchkey.token.key;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.token.TokenCodec;

/**
 * {@link TokenCodec} on Nimbus JOSE+JWT over a key ring: one active key signs, every configured
 * key (and, optionally, a remote JWK Set) verifies. With SimpleJWT's single HS256 secret the
 * header is {@code {"alg":"HS256","typ":"JWT"}}, byte for byte what PyJWT writes, so tokens verify
 * in SimpleJWT and the reverse; named keys add their {@code kid}.
 *
 * <p>Refused before any signature is checked (OWASP JWT cheat sheet, RFC 8725): tokens over 8 KB,
 * an algorithm no key is bound to ({@code none} included), a {@code kid} no key has, and the
 * {@code jku}, {@code x5u}, {@code jwk} and {@code x5c} headers (keys are never taken from a
 * token). Unknown {@code crit} parameters fail in Nimbus's verifiers. Signers and verifiers are
 * built once: the request path allocates no keys.
 */
public final class NimbusTokenCodec implements TokenCodec {

	private final List<SigningKey> keys;

	private final SigningKey signingKey;

	private final JWSHeader header;

	private final RemoteKeys remoteKeys;

	/**
	 * A codec for SimpleJWT's single, unnamed HMAC secret.
	 * @param secret the key bytes (SimpleJWT uses the UTF-8 bytes of {@code SIGNING_KEY})
	 * @param algorithm one of HS256, HS384, HS512
	 * @throws IllegalArgumentException if the key is shorter than the hash output (RFC 7518 section 3.2)
	 */
	public NimbusTokenCodec(byte[] secret, JWSAlgorithm algorithm) {
		this(List.of(SigningKeys.secret(null, requireHmac(algorithm), secret, true)), null);
	}

	/**
	 * A codec over a key ring.
	 * @param keys the keys; exactly one is active
	 * @param remoteKeys a remote JWK Set to verify with too, or {@code null}
	 * @throws IllegalArgumentException unless exactly one key is active and can sign, and kids are unique
	 */
	public NimbusTokenCodec(List<SigningKey> keys, RemoteKeys remoteKeys) {
		List<SigningKey> active = keys.stream().filter(SigningKey::active).toList();
		if (active.size() != 1 || active.get(0).signer() == null) {
			throw new IllegalArgumentException("Exactly one key must be active and hold a private part or secret, found "
					+ active.size() + " active");
		}
		if (keys.size() > 1 && keys.stream().anyMatch((key) -> key.keyId() == null)) {
			throw new IllegalArgumentException("With several keys, every key needs a kid");
		}
		if (keys.stream().map(SigningKey::keyId).distinct().count() != keys.size()) {
			throw new IllegalArgumentException("Two keys have the same kid");
		}
		this.keys = List.copyOf(keys);
		this.signingKey = active.get(0);
		this.header = compactHeader(this.signingKey);
		this.remoteKeys = remoteKeys;
	}

	/** The keys whose public parts may be published. */
	public List<SigningKey> keys() {
		return this.keys;
	}

	@Override
	public String encode(Map<String, Object> claims) {
		// Serialised from the caller's ordered map, so the payload keeps SimpleJWT's key order.
		JWSObject jws = new JWSObject(this.header, new Payload(JSONObjectUtils.toJSONString(claims)));
		try {
			jws.sign(this.signingKey.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing failed", ex);
		}
		return jws.serialize();
	}

	@Override
	public Map<String, Object> decode(String token) {
		if (token == null || token.isEmpty() || token.length() > TokenCodec.MAX_TOKEN_LENGTH) {
			throw InvalidTokenException.invalidOrExpired();
		}
		try {
			JWSObject jws = JWSObject.parse(token);
			JWSHeader header = jws.getHeader();
			if (carriesKeyReference(header) || !verify(jws, header)) {
				throw InvalidTokenException.invalidOrExpired();
			}
			Map<String, Object> claims = jws.getPayload().toJSONObject();
			if (claims == null) {
				throw InvalidTokenException.invalidOrExpired();
			}
			return claims;
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			// Whatever the parser choked on, it is the client's token that is bad.
			throw InvalidTokenException.invalidOrExpired();
		}
	}

	private boolean verify(JWSObject jws, JWSHeader header) throws JOSEException {
		JWSAlgorithm algorithm = header.getAlgorithm();
		String keyId = header.getKeyID();
		for (SigningKey key : this.keys) {
			boolean named = (keyId == null) || keyId.equals(key.keyId());
			if (named && algorithm.equals(key.algorithm())) {
				// With several keys only the named one is tried: an unnamed token meets just the keys of its algorithm.
				return jws.verify(key.verifier());
			}
		}
		if (this.remoteKeys == null || !SigningKeys.SUPPORTED.contains(algorithm)) {
			return false;
		}
		Optional<JWSVerifier> remote = this.remoteKeys.verifier(keyId, algorithm);
		return remote.isPresent() && jws.verify(remote.get());
	}

	/** Keys are never taken from, or fetched because of, the token itself. */
	private static boolean carriesKeyReference(JWSHeader header) {
		return header.getJWKURL() != null || header.getX509CertURL() != null || header.getJWK() != null
				|| header.getX509CertChain() != null;
	}

	/** PyJWT's header, {@code {"alg":"...","typ":"JWT"}} in that order, then the {@code kid} when named. */
	private static JWSHeader compactHeader(SigningKey key) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("alg", key.algorithm().getName());
		json.put("typ", JOSEObjectType.JWT.getType());
		if (key.keyId() != null) {
			json.put("kid", key.keyId());
		}
		try {
			return JWSHeader.parse(Base64URL.encode(JSONObjectUtils.toJSONString(json)));
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWSAlgorithm requireHmac(JWSAlgorithm algorithm) {
		if (!JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
			throw new IllegalArgumentException("Not an HMAC algorithm: " + algorithm);
		}
		return algorithm;
	}

}
