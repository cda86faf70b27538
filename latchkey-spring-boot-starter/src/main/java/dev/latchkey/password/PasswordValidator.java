package dev.latchkey.password;

import java.util.List;

/**
 * One of Django's {@code AUTH_PASSWORD_VALIDATORS}: Django raises a {@code ValidationError},
 * this returns the messages instead.
 */
public interface PasswordValidator {

	/**
	 * @param password the candidate password, never null
	 * @param owner    the user the password is for, or null when unknown (e.g. before sign-up)
	 * @return Django's English error messages, empty when the password passes
	 */
	List<String> validate(String password, PasswordOwner owner);
}
