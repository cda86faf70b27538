package dev.latchkey.token;

/**
 * A token presented by a client was refused: the client's fault, rendered as a 401 with
 * SimpleJWT's {@code token_not_valid} code. Carries SimpleJWT's message, never the token.
 */
public class InvalidTokenException extends RuntimeException {

	public static final String INVALID_OR_EXPIRED = "Token is invalid or expired";

	public static final String WRONG_TYPE = "Token has wrong type";

	public static final String BLACKLISTED = "Token is blacklisted";

	public static final String NO_TYPE = "Token has no type";

	public static final String NO_ID = "Token has no id";

	public InvalidTokenException(String message) {
		super(message, null, false, false);
	}

	public static InvalidTokenException invalidOrExpired() {
		return new InvalidTokenException(INVALID_OR_EXPIRED);
	}

}
