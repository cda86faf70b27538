package dev.latchkey.account;

/**
 * A verification key that is unknown, used or expired: dj-rest-auth's {@code VerifyEmailView}
 * answers 404 {@code {"detail": "Not found."}}.
 */
public class InvalidKeyException extends RuntimeException {

	public InvalidKeyException() {
		super("Not found.", null, false, false);
	}

}
