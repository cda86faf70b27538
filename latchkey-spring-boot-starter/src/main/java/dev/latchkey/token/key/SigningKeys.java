package dev.latchkey.token.key;

import java.security.interfaces.RSAKey;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;

/**
 * Builds {@link SigningKey}s from configuration (an HMAC secret, a JWK, a PEM file), refusing
 * keys that are malformed, of the wrong type for their algorithm, or too weak (an HMAC secret
 * shorter than the hash output, RFC 7518 section 3.2; RSA under 2048 bits).
 */
public final class SigningKeys {

	/** The algorithms Latchkey signs and verifies with. */
	public static final Set<JWSAlgorithm> SUPPORTED = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384,
			JWSAlgorithm.HS512, JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256,
			JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
			JWSAlgorithm.EdDSA);

	private static final int MIN_RSA_BITS = 2048;

	private SigningKeys() {
	}

	/** The algorithm a name denotes, if Latchkey supports it. */
	public static JWSAlgorithm algorithm(String name) {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
		if (!SUPPORTED.contains(algorithm)) {
			throw new IllegalArgumentException("Unsupported algorithm '" + name + "': use one of HS256/384/512, "
					+ "RS256/384/512, PS256/384/512, ES256/384/512 or EdDSA");
		}
		return algorithm;
	}

	/** An HMAC key from a secret's UTF-8 bytes (SimpleJWT's {@code SIGNING_KEY}). */
	public static SigningKey secret(String keyId, JWSAlgorithm algorithm, byte[] secret, boolean active) {
		return fromJwk(new OctetSequenceKey.Builder(secret).keyID(keyId).build(), algorithm, active);
	}

	/** A key from a JWK: an RSA, EC or Ed25519 key pair (or public key, to verify only), or a secret. */
	public static SigningKey fromJwk(JWK jwk, JWSAlgorithm algorithm, boolean active) {
		try {
			return build(jwk, algorithm, active);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("The key cannot be used with " + algorithm + ": " + ex.getMessage(), ex);
		}
	}

	/** A key from PEM text: a private key (with its public part) or a public key alone. */
	public static SigningKey fromPem(String keyId, JWSAlgorithm algorithm, String pem, boolean active) {
		try {
			JWK jwk = JWK.parseFromPEMEncodedObjects(pem);
			return fromJwk(withKeyId(jwk, keyId), algorithm, active);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("Not a PEM key Latchkey can read: " + ex.getMessage(), ex);
		}
	}

	/** A key from JWK JSON, picking {@code keyId} out of a JWK Set when given one. */
	public static SigningKey fromJwkJson(String keyId, JWSAlgorithm algorithm, String json, boolean active) {
		try {
			String trimmed = json.strip();
			JWK jwk = trimmed.contains("\"keys\"") ? com.nimbusds.jose.jwk.JWKSet.parse(trimmed).getKeyByKeyId(keyId)
					: JWK.parse(trimmed);
			if (jwk == null) {
				throw new IllegalArgumentException("The JWK Set has no key with kid '" + keyId + "'");
			}
			return fromJwk((keyId != null) ? withKeyId(jwk, keyId) : jwk, algorithm, active);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("Not a JWK: " + ex.getMessage(), ex);
		}
	}

	private static SigningKey build(JWK jwk, JWSAlgorithm algorithm, boolean active) throws JOSEException {
		if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(algorithm)) {
			throw new IllegalArgumentException("The JWK is for " + jwk.getAlgorithm() + ", not " + algorithm);
		}
		String kid = jwk.getKeyID();
		if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
			byte[] secret = requireType(jwk, OctetSequenceKey.class, algorithm).toByteArray();
			if (secret.length * 8 < MACSigner.getMinRequiredSecretLength(algorithm)) {
				throw new IllegalArgumentException("The secret is shorter than " + algorithm
						+ "'s hash output (RFC 7518 section 3.2): it needs at least "
						+ MACSigner.getMinRequiredSecretLength(algorithm) / 8 + " bytes");
			}
			return new SigningKey(kid, algorithm, active, new MACSigner(secret), new MACVerifier(secret), null);
		}
		if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
			com.nimbusds.jose.jwk.RSAKey rsa = requireType(jwk, com.nimbusds.jose.jwk.RSAKey.class, algorithm);
			int bits = ((RSAKey) rsa.toRSAPublicKey()).getModulus().bitLength();
			if (bits < MIN_RSA_BITS) {
				throw new IllegalArgumentException("RSA keys must have at least 2048 bits, this one has " + bits);
			}
			JWSSigner signer = rsa.isPrivate() ? new RSASSASigner(rsa) : null;
			return new SigningKey(kid, algorithm, active, signer, new RSASSAVerifier(rsa), publicJwk(rsa.toPublicJWK(), algorithm));
		}
		if (JWSAlgorithm.Family.EC.contains(algorithm)) {
			ECKey ec = requireType(jwk, ECKey.class, algorithm);
			if (!Curve.forJWSAlgorithm(algorithm).contains(ec.getCurve())) {
				throw new IllegalArgumentException(algorithm + " needs curve " + Curve.forJWSAlgorithm(algorithm)
						+ ", the key is on " + ec.getCurve());
			}
			JWSSigner signer = ec.isPrivate() ? new ECDSASigner(ec) : null;
			return new SigningKey(kid, algorithm, active, signer, new ECDSAVerifier(ec), publicJwk(ec.toPublicJWK(), algorithm));
		}
		OctetKeyPair okp = requireType(jwk, OctetKeyPair.class, algorithm);
		if (!Curve.Ed25519.equals(okp.getCurve())) {
			throw new IllegalArgumentException("EdDSA keys must be Ed25519, this one is " + okp.getCurve());
		}
		JWSSigner signer = okp.isPrivate() ? new Ed25519Signer(okp) : null;
		return new SigningKey(kid, algorithm, active, signer, new Ed25519Verifier(okp.toPublicJWK()),
				publicJwk(okp.toPublicJWK(), algorithm));
	}

	private static <K extends JWK> K requireType(JWK jwk, Class<K> type, JWSAlgorithm algorithm) {
		if (!type.isInstance(jwk)) {
			throw new IllegalArgumentException(algorithm + " needs a " + type.getSimpleName() + ", not a "
					+ jwk.getClass().getSimpleName());
		}
		return type.cast(jwk);
	}

	/** The public part as published: with {@code alg} and {@code use: sig}, never a private member. */
	private static JWK publicJwk(JWK publicPart, JWSAlgorithm algorithm) {
		Map<String, Object> json = publicPart.toPublicJWK().toJSONObject();
		json.put("alg", algorithm.getName());
		json.put("use", "sig");
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWK withKeyId(JWK jwk, String keyId) {
		if (keyId == null || keyId.equals(jwk.getKeyID())) {
			return jwk;
		}
		try {
			Map<String, Object> json = jwk.toJSONObject();
			json.put("kid", keyId);
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

}
