package dev.latchkey.user;

/**
 * A condition a user must meet, after the password, before a session starts (for example a
 * verified email address). An extension point: every bean of this type is applied, in
 * {@code @Order}, by every endpoint that starts a session.
 */
@FunctionalInterface
public interface LoginCheck {

	/**
	 * @throws InvalidFieldsException with DRF's message when the user may not get a session yet
	 */
	void check(User user);

}
