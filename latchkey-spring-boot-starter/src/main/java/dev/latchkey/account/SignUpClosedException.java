package dev.latchkey.account;

import dev.latchkey.fault.Fault;

/**
 * Sign-up is closed, or the caller may not invite: rendered as 403 {@code {"detail": "..."}}.
 */
public class SignUpClosedException extends Fault {

	static final String CLOSED = "Sign up is closed.";

	static final String NOT_PERMITTED = "You do not have permission to perform this action.";

	public SignUpClosedException(String detail) {
		super(detail);
	}

	@Override
	public Kind kind() {
		return Kind.FORBIDDEN;
	}

}
