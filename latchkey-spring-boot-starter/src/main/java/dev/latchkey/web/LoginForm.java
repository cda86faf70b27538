package dev.latchkey.web;

import dev.latchkey.user.FieldErrors;

/**
 * The credentials of SimpleJWT's obtain views ({@code TokenObtainSerializer}): a username and a
 * password, both required.
 *
 * @param username as typed
 * @param password the raw password
 */
record LoginForm(String username, String password) {

	private static final CharField USERNAME = CharField.required("username", 65536);

	private static final CharField PASSWORD = CharField.required("password", CharField.PASSWORD_MAX_LENGTH);

	/**
	 * @throws dev.latchkey.user.InvalidFieldsException with DRF's messages when a field is missing or invalid
	 */
	static LoginForm read(SubmittedForm form) {
		FieldErrors errors = new FieldErrors();
		LoginForm login = new LoginForm(form.string(USERNAME, errors), form.string(PASSWORD, errors));
		errors.throwIfAny();
		return login;
	}

	@Override
	public String toString() {
		return "LoginForm[username=" + this.username + "]";
	}

}
