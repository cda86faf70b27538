package dev.latchkey.user;

/**
 * What a client submitted to sign up, after the per-field checks of the web layer (required,
 * length, no NUL). A field that failed those checks is {@code null} and is not checked again.
 *
 * @param username as typed, not yet normalised
 * @param password the raw password
 * @param name display name, blank when not given
 * @param email blank when not given
 */
public record SignUpForm(String username, String password, String name, String email) {

	@Override
	public String toString() {
		return "SignUpForm[username=" + this.username + "]";
	}

}
