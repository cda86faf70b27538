package dev.latchkey.server.command;

import java.util.ArrayList;
import java.util.List;

import dev.latchkey.password.PasswordOwner;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.user.EmailRules;
import dev.latchkey.user.UserRepository;
import dev.latchkey.user.UsernameRules;

/**
 * The rules sign-up applies, for accounts made or changed from the command line: Django's
 * username rules, a free username, a valid email, and the configured password validators, all
 * with Django's messages.
 */
final class AccountRules {

	static final String USERNAME_TAKEN = "That username is already taken.";

	private final UserRepository users;

	private final PasswordPolicy passwordPolicy;

	AccountRules(UserRepository users, PasswordPolicy passwordPolicy) {
		this.users = users;
		this.passwordPolicy = passwordPolicy;
	}

	/** @param username already normalised ({@link UsernameRules#normalize}) */
	List<String> usernameProblems(String username) {
		if (username.isEmpty()) {
			return List.of("This field cannot be blank.");
		}
		List<String> problems = new ArrayList<>();
		int length = username.codePointCount(0, username.length());
		if (length > UsernameRules.MAX_LENGTH) {
			problems.add("Ensure this value has at most " + UsernameRules.MAX_LENGTH + " characters (it has " + length
					+ ").");
		}
		UsernameRules.violation(username).ifPresent(problems::add);
		if (problems.isEmpty() && this.users.findByUsername(username).isPresent()) {
			problems.add(USERNAME_TAKEN);
		}
		return problems;
	}

	List<String> emailProblems(String email) {
		boolean valid = email.isEmpty() || (email.length() <= EmailRules.MAX_LENGTH && EmailRules.isValid(email));
		return valid ? List.of() : List.of(EmailRules.INVALID);
	}

	List<String> passwordProblems(String password, PasswordOwner owner) {
		return this.passwordPolicy.violations(password, owner);
	}

}
