package dev.latchkey.token;

import dev.latchkey.fault.Fault;

/**
 * A token presented by a client was refused: the client's fault, rendered as a 401 with
 * SimpleJWT's {@code token_not_valid} code. Carries SimpleJWT's message, never the token.
 */
public class InvalidTokenException extends Fault {

	public static final String INVALID_OR_EXPIRED = "Token is invalid or expired";

	public static final String WRONG_TYPE = "Token has wrong type";

	public static final String BLACKLISTED = "Token is blacklisted";

	public static final String NO_TYPE = "Token has no type";

	public static final String NO_ID = "Token has no id";

	public static final String NO_ACTIVE_ACCOUNT = "No active account found for the given token.";

	private final String code;

	public InvalidTokenException(String message) {
		this(message, "token_not_valid");
	}

	private InvalidTokenException(String message, String code) {
		super(message);
		this.code = code;
	}

	/** SimpleJWT's error code: {@code token_not_valid}, or {@code no_active_account}. */
	@Override
	public String code() {
		return this.code;
	}

	/** The token is fine but its user is gone or inactive (SimpleJWT 5.3's refresh check). */
	public static InvalidTokenException noActiveAccount() {
		return new InvalidTokenException(NO_ACTIVE_ACCOUNT, "no_active_account");
	}

	public static InvalidTokenException blacklisted() {
		return new InvalidTokenException(BLACKLISTED);
	}

	public static InvalidTokenException invalidOrExpired() {
		return new InvalidTokenException(INVALID_OR_EXPIRED);
	}

	@Override
	public Kind kind() {
		return Kind.UNAUTHENTICATED;
	}

}
