package dev.latchkey.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Django's {@code validate_password(password, user)}: runs every validator and collects all
 * messages, in validator order, instead of stopping at the first failure.
 */
public final class PasswordPolicy {

	private final List<PasswordValidator> validators;

	public PasswordPolicy(List<PasswordValidator> validators) {
		this.validators = List.copyOf(validators);
	}

	/**
	 * Django's default {@code AUTH_PASSWORD_VALIDATORS}, in Django's order: user attribute
	 * similarity, minimum length 8, common passwords, entirely numeric.
	 */
	public static PasswordPolicy djangoDefaults() {
		return new PasswordPolicy(List.of(new UserAttributeSimilarityValidator(), new MinimumLengthValidator(),
				new CommonPasswordValidator(), new NumericPasswordValidator()));
	}

	/**
	 * @param password the candidate password
	 * @param owner    the user it is for, or null when unknown
	 * @return Django's messages for every rule the password breaks; empty when it is acceptable
	 */
	public List<String> violations(String password, PasswordOwner owner) {
		Objects.requireNonNull(password, "password");
		List<String> violations = new ArrayList<>();
		for (PasswordValidator validator : validators) {
			violations.addAll(validator.validate(password, owner));
		}
		return List.copyOf(violations);
	}
}
