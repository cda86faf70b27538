package dev.latchkey.user;

import java.time.Clock;
import java.util.List;

import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.password.PasswordOwner;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.throttle.LoginThrottle;
import dev.latchkey.token.ClientInfo;

/**
 * Signs a user up: Django's username rules, a unique username, a valid email, the password
 * validators (every violation at once), then an Argon2id hash and one insert whose unique
 * constraint settles concurrent sign-ups of one name. A name already taken is refused before
 * hashing, and concurrent sign-ups of one name on this instance hash once
 * ({@link SignUpsInProgress}).
 */
public final class Registration {

	static final String DUPLICATE_USERNAME = "A user with that username already exists.";

	private final UserRepository users;

	private final PasswordHasher passwordHasher;

	private final PasswordPolicy passwordPolicy;

	private final Clock clock;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final List<SignUpField> extraFields;

	private final UserFieldRepository fieldValues;

	private final TransactionOperations transactions;

	private final SignUpsInProgress inProgress = new SignUpsInProgress();

	public Registration(UserRepository users, PasswordHasher passwordHasher, PasswordPolicy passwordPolicy,
			Clock clock, LoginThrottle throttle, AuditLog audit, List<SignUpField> extraFields,
			UserFieldRepository fieldValues, TransactionOperations transactions) {
		this.transactions = transactions;
		this.extraFields = List.copyOf(extraFields);
		this.fieldValues = fieldValues;
		this.users = users;
		this.passwordHasher = passwordHasher;
		this.passwordPolicy = passwordPolicy;
		this.clock = clock;
		this.throttle = throttle;
		this.audit = audit;
	}

	/**
	 * Validate the form and store the new user.
	 * @param form what the client sent; {@code null} fields already have errors in {@code errors}
	 * @param errors the errors found so far, to which this adds its own
	 * @param client who is signing up (sign-ups are limited per address)
	 * @return the stored user
	 * @throws InvalidFieldsException with every error found
	 * @throws dev.latchkey.throttle.ThrottledException past the sign-up limit
	 */
	public User register(SignUpForm form, FieldErrors errors, ClientInfo client) {
		this.throttle.checkSignUp(client.ip());
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
		for (SignUpField field : this.extraFields) {
			String value = form.extraFields().get(field.name());
			if (value != null) {
				errors.addAll(field.name(), field.validate(value));
			}
		}
		if (form.password() != null) {
			errors.addAll("password",
					this.passwordPolicy.violations(form.password(), new PasswordOwner(username, name, email)));
		}
		errors.throwIfAny();
		User user;
		try {
			user = this.inProgress.exclusively(username, () -> store(form, new NewUser(username, name, email,
					this.passwordHasher.encode(form.password()))));
		}
		catch (DuplicateUsernameException ex) {
			throw FieldErrors.single("username", DUPLICATE_USERNAME);
		}
		this.audit.record(AuditEvent.SIGN_UP, user.id(), client.ip(), client.userAgent(), "ok");
		return user;
	}

	/** Stores the user and its extra fields together, or neither. */
	private User store(SignUpForm form, NewUser newUser) {
		return this.transactions.execute((status) -> {
			User stored = this.users.insert(newUser, this.clock.instant());
			this.fieldValues.save(stored.id(), form.extraFields());
			return stored;
		});
	}

}
