package dev.latchkey.account;

/**
 * Sign-up is closed, or the caller may not invite: rendered as 403 {@code {"detail": "..."}}.
 */
public class SignUpClosedException extends RuntimeException {

	static final String CLOSED = "Sign up is closed.";

	static final String NOT_PERMITTED = "You do not have permission to perform this action.";

	public SignUpClosedException(String detail) {
		super(detail, null, false, false);
	}

}
