package dev.latchkey.user;

import dev.latchkey.fault.Fault;

/**
 * Login failed: unknown user, wrong password or inactive user, deliberately indistinguishable.
 * Rendered as SimpleJWT's 401 "No active account found with the given credentials".
 */
public class InvalidCredentialsException extends Fault {

	public static final String MESSAGE = "No active account found with the given credentials";

	public InvalidCredentialsException() {
		super(MESSAGE);
	}

	@Override
	public Kind kind() {
		return Kind.UNAUTHENTICATED;
	}

}
