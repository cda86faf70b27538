package dev.latchkey.user;

import java.util.Map;

/**
 * Lets a signed-in user change what dj-rest-auth's {@code UserDetailsView} lets them change:
 * {@code name} and {@code email}. The username is read-only.
 */
public final class Profiles {

	private final UserRepository users;

	private final UserFieldRepository fieldValues;

	public Profiles(UserRepository users, UserFieldRepository fieldValues) {
		this.users = users;
		this.fieldValues = fieldValues;
	}

	/** The values of the application's extra sign-up fields for this user. */
	public Map<String, String> extraFields(User user) {
		return this.fieldValues.find(user.id());
	}

	/**
	 * Apply the fields given; a {@code null} field is left as it is.
	 * @param user the signed-in user
	 * @param name the new name, or {@code null}
	 * @param email the new email, or {@code null}
	 * @param errors the errors found so far by the web layer, to which this adds its own
	 * @return the user after the change
	 * @throws InvalidFieldsException if any field is invalid
	 * @throws UserNotFoundException if the user was deleted meanwhile
	 */
	public User update(User user, String name, String email, FieldErrors errors) {
		if (email != null && !email.isEmpty() && !EmailRules.isValid(email)) {
			errors.add("email", EmailRules.INVALID);
		}
		errors.throwIfAny();
		String newName = (name != null) ? name : user.name();
		String newEmail = (email != null) ? email : user.email();
		return this.users.updateProfile(user.id(), newName, newEmail).orElseThrow(UserNotFoundException::new);
	}

}
