package dev.latchkey.user;

/**
 * A valid token names a user that no longer exists: SimpleJWT's 401 "User not found".
 */
public class UserNotFoundException extends RuntimeException {

	public UserNotFoundException() {
		super("User not found", null, false, false);
	}

}
