package dev.latchkey.user;

import java.time.Clock;

import dev.latchkey.password.DjangoPasswordEncoder;
import dev.latchkey.password.PasswordOwner;
import dev.latchkey.password.PasswordPolicy;

/**
 * Signs a user up: Django's username rules, a unique username, a valid email, the password
 * validators (every violation at once), then an Argon2id hash and one insert whose unique
 * constraint settles concurrent sign-ups of one name.
 */
public final class Registration {

	static final String DUPLICATE_USERNAME = "A user with that username already exists.";

	private final UserRepository users;

	private final DjangoPasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final Clock clock;

	public Registration(UserRepository users, DjangoPasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
			Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.clock = clock;
	}

	/**
	 * Validate the form and store the new user.
	 * @param form what the client sent; {@code null} fields already have errors in {@code errors}
	 * @param errors the errors found so far, to which this adds its own
	 * @return the stored user
	 * @throws InvalidFieldsException with every error found
	 */
	public User register(SignUpForm form, FieldErrors errors) {
		String username = (form.username() != null) ? UsernameRules.normalize(form.username()) : null;
		if (username != null) {
			UsernameRules.violation(username).ifPresent((message) -> errors.add("username", message));
			if (!errors.has("username") && this.users.findByUsername(username).isPresent()) {
				errors.add("username", DUPLICATE_USERNAME);
			}
		}
		String email = (form.email() != null) ? form.email() : "";
		if (!email.isEmpty() && !EmailRules.isValid(email)) {
			errors.add("email", EmailRules.INVALID);
		}
		String name = (form.name() != null) ? form.name() : "";
		if (form.password() != null) {
			errors.addAll("password",
					this.passwordPolicy.violations(form.password(), new PasswordOwner(username, name, email)));
		}
		errors.throwIfAny();
		String hash = this.passwordEncoder.encode(form.password());
		try {
			return this.users.insert(new NewUser(username, name, email, hash), this.clock.instant());
		}
		catch (DuplicateUsernameException ex) {
			throw FieldErrors.single("username", DUPLICATE_USERNAME);
		}
	}

}
