package dev.latchkey.user;

import java.util.Map;

/**
 * What a client submitted to sign up, after the per-field checks of the web layer (required,
 * length, no NUL). A field that failed those checks is {@code null} and is not checked again.
 *
 * @param username as typed, not yet normalised
 * @param password the raw password
 * @param name display name, blank when not given
 * @param email blank when not given
 * @param extraFields the values of the application's {@link SignUpField}s that passed the
 * per-field checks
 */
public record SignUpForm(String username, String password, String name, String email,
		Map<String, String> extraFields) {

	public SignUpForm {
		extraFields = Map.copyOf(extraFields);
	}

	@Override
	public String toString() {
		return "SignUpForm[username=" + this.username + "]";
	}

}
