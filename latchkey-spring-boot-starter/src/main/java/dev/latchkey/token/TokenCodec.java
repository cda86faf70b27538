package dev.latchkey.token;

import java.util.Map;

/**
 * Signs a claim set into a compact JWS and checks one back. The only seam that knows the JWT
 * library (SimpleJWT's {@code backends.py}).
 */
public interface TokenCodec {

	/** Tokens longer than this are refused before any parsing (RFC 8725 section 3.1: bound the work). */
	int MAX_TOKEN_LENGTH = 8192;

	/**
	 * Sign the claims, keeping their order in the payload.
	 * @param claims the claims, with JSON-compatible values
	 * @return the compact serialisation
	 */
	String encode(Map<String, Object> claims);

	/**
	 * Check the signature and algorithm of a compact JWS and return its claims.
	 * @param token the compact serialisation
	 * @return the claims
	 * @throws InvalidTokenException if the token is malformed, or signed with another key or algorithm
	 */
	Map<String, Object> decode(String token);

}
