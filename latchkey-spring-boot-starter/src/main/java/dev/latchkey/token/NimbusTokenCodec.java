package dev.latchkey.token;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * {@link TokenCodec} on Nimbus JOSE+JWT with one HMAC key bound to one algorithm, as
 * SimpleJWT's default {@code HS256} with {@code SIGNING_KEY}. The header is
 * {@code {"alg":"HS256","typ":"JWT"}}, byte for byte what PyJWT writes, so tokens verify in
 * SimpleJWT and the reverse.
 *
 * <p>Signer and verifier are built once: the request path allocates neither keys nor
 * verifiers.
 */
public final class NimbusTokenCodec implements TokenCodec {

	/** Tokens longer than this are refused before any parsing (RFC 8725 section 3.1: bound the work). */
	public static final int MAX_TOKEN_LENGTH = 8192;

	private final JWSAlgorithm algorithm;

	private final JWSHeader header;

	private final MACSigner signer;

	private final MACVerifier verifier;

	/**
	 * Create a codec for an HMAC secret.
	 * @param secret the key bytes (SimpleJWT uses the UTF-8 bytes of {@code SIGNING_KEY})
	 * @param algorithm one of HS256, HS384, HS512
	 * @throws IllegalArgumentException if the key is shorter than the hash output (RFC 7518 section 3.2)
	 */
	public NimbusTokenCodec(byte[] secret, JWSAlgorithm algorithm) {
		if (!JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
			throw new IllegalArgumentException("Not an HMAC algorithm: " + algorithm);
		}
		try {
			this.signer = new MACSigner(secret);
			this.verifier = new MACVerifier(secret);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("The signing key is too short for " + algorithm, ex);
		}
		if (!this.signer.supportedJWSAlgorithms().contains(algorithm)) {
			throw new IllegalArgumentException("The signing key is too short for " + algorithm
					+ ": it must be at least as long as the hash output (RFC 7518 section 3.2)");
		}
		this.algorithm = algorithm;
		this.header = compactHeader(algorithm);
	}

	@Override
	public String encode(Map<String, Object> claims) {
		// Serialised from the caller's ordered map, so the payload keeps SimpleJWT's key order.
		JWSObject jws = new JWSObject(this.header, new Payload(JSONObjectUtils.toJSONString(claims)));
		try {
			jws.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing failed", ex);
		}
		return jws.serialize();
	}

	/** PyJWT's header, {@code {"alg":"...","typ":"JWT"}} in that order (Nimbus would put typ first). */
	private static JWSHeader compactHeader(JWSAlgorithm algorithm) {
		String json = "{\"alg\":\"" + algorithm.getName() + "\",\"typ\":\"" + JOSEObjectType.JWT.getType() + "\"}";
		try {
			return JWSHeader.parse(Base64URL.encode(json));
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Map<String, Object> decode(String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			throw InvalidTokenException.invalidOrExpired();
		}
		try {
			JWSObject jws = JWSObject.parse(token);
			// The key is bound to one algorithm: anything else named in the header is refused
			// before the signature is looked at (no algorithm confusion, no "none").
			if (!this.algorithm.equals(jws.getHeader().getAlgorithm()) || !jws.verify(this.verifier)) {
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

}
