package dev.latchkey.user;

/**
 * Login failed: unknown user, wrong password or inactive user, deliberately indistinguishable.
 * Rendered as SimpleJWT's 401 "No active account found with the given credentials".
 */
public class InvalidCredentialsException extends RuntimeException {

	public static final String MESSAGE = "No active account found with the given credentials";

	public InvalidCredentialsException() {
		super(MESSAGE, null, false, false);
	}

}
