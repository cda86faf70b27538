package dev.latchkey.user;

/**
 * The username is taken: raised by the repository when the unique constraint refuses an insert,
 * so two concurrent sign-ups of one name end in one success and one of these.
 */
public class DuplicateUsernameException extends RuntimeException {

	public DuplicateUsernameException(Throwable cause) {
		super("A user with that username already exists.", cause);
	}

}
