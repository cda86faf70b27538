package dev.latchkey.account;

import dev.latchkey.fault.Fault;

/**
 * A verification key that is unknown, used or expired: dj-rest-auth's {@code VerifyEmailView}
 * answers 404 {@code {"detail": "Not found."}}.
 */
public class InvalidKeyException extends Fault {

	public InvalidKeyException() {
		super("Not found.");
	}

	@Override
	public Kind kind() {
		return Kind.NOT_FOUND;
	}

}
