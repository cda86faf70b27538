package dev.latchkey.user;

import dev.latchkey.fault.Fault;

/**
 * A valid token names a user that no longer exists: SimpleJWT's 401 "User not found".
 */
public class UserNotFoundException extends Fault {

	public UserNotFoundException() {
		super("User not found");
	}

	@Override
	public Kind kind() {
		return Kind.UNAUTHENTICATED;
	}

	@Override
	public String code() {
		return "user_not_found";
	}

}
