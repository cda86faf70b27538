package dev.latchkey.account;

import java.util.List;

import dev.latchkey.token.ClientInfo;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.InvalidCredentialsException;
import dev.latchkey.user.LoginCheck;
import dev.latchkey.user.PasswordLogin;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;

/**
 * dj-rest-auth's {@code LoginSerializer}: a username or an email address, and a password. An
 * address is turned into the username of its (oldest active) user; an address nobody has is
 * tried as a username, so it costs what a wrong password costs. The password check itself is
 * {@link PasswordLogin}'s, with its lockout. Failures answer dj-rest-auth's 400 messages.
 */
public final class EmailLogin {

	static final String MUST_INCLUDE = "Must include \"username\" and \"password\".";

	static final String UNABLE = "Unable to log in with provided credentials.";

	private final PasswordLogin logins;

	private final AccountEmails emails;

	private final UserRepository users;

	private final List<LoginCheck> checks;

	public EmailLogin(PasswordLogin logins, AccountEmails emails, UserRepository users, List<LoginCheck> checks) {
		this.logins = logins;
		this.emails = emails;
		this.users = users;
		this.checks = List.copyOf(checks);
	}

	/**
	 * @param username the username, or blank/{@code null}
	 * @param email the email address, used when no username is given
	 * @param password the password
	 * @throws dev.latchkey.user.InvalidFieldsException with dj-rest-auth's non-field errors
	 * @throws dev.latchkey.throttle.ThrottledException while locked
	 */
	public User login(String username, String email, String password, ClientInfo client) {
		String name = (username != null && !username.isEmpty()) ? username : usernameFor(email);
		if (name == null) {
			throw FieldErrors.single(FieldErrors.NON_FIELD_ERRORS, MUST_INCLUDE);
		}
		User user;
		try {
			user = this.logins.login(name, password, client);
		}
		catch (InvalidCredentialsException ex) {
			throw FieldErrors.single(FieldErrors.NON_FIELD_ERRORS, UNABLE);
		}
		this.checks.forEach((check) -> check.check(user));
		return user;
	}

	private String usernameFor(String email) {
		if (email == null || email.isEmpty()) {
			return null;
		}
		return this.emails.activeUserIds(email)
			.stream()
			.findFirst()
			.flatMap(this.users::findById)
			.map(User::username)
			.orElse(email);
	}

}
