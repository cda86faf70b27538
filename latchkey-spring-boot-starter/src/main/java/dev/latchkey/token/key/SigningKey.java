package dev.latchkey.token.key;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;

/**
 * One key bound to exactly one algorithm (RFC 8725 section 3.1): a token naming another
 * algorithm is never checked with it.
 *
 * @param keyId the {@code kid}, or {@code null} for SimpleJWT's single unnamed key
 * @param algorithm the only algorithm this key signs and verifies
 * @param active whether it signs new tokens; a verify-only key only checks old ones
 * @param signer signs with the private part or secret, {@code null} when there is none
 * @param verifier verifies signatures
 * @param publicJwk what may be published in the JWKS, {@code null} for secrets
 */
public record SigningKey(String keyId, JWSAlgorithm algorithm, boolean active, JWSSigner signer, JWSVerifier verifier,
		JWK publicJwk) {

	@Override
	public String toString() {
		return "SigningKey[kid=" + this.keyId + ", alg=" + this.algorithm + ", active=" + this.active + "]";
	}

}
