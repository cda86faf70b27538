package dev.latchkey.token.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * Generates a new signing key as a private JWK ({@code latchkey keys generate --alg ES256}): RSA
 * 3072 bits for RS and PS, the algorithm's curve for ES, Ed25519 for EdDSA, a secret as long as
 * the hash output for HS.
 */
public final class KeyGenerator {

	private KeyGenerator() {
	}

	/**
	 * @param algorithm the one algorithm the key will be bound to
	 * @param keyId its {@code kid}
	 * @return the JWK, private parts included
	 */
	public static JWK generate(JWSAlgorithm algorithm, String keyId) {
		SigningKeys.algorithm(algorithm.getName());
		try {
			if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
				int bits = Integer.parseInt(algorithm.getName().substring(2));
				return new OctetSequenceKeyGenerator(bits).keyID(keyId).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).generate();
			}
			if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
				return new RSAKeyGenerator(3072).keyID(keyId).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).generate();
			}
			if (JWSAlgorithm.Family.EC.contains(algorithm)) {
				Curve curve = Curve.forJWSAlgorithm(algorithm).iterator().next();
				return new ECKeyGenerator(curve).keyID(keyId).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).generate();
			}
			return new OctetKeyPairGenerator(Curve.Ed25519).keyID(keyId).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Key generation failed", ex);
		}
	}

}
