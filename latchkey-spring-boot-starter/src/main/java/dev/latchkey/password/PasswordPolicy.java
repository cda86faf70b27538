package dev.latchkey.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Django's {@code validate_password(password, user)}: runs every validator and collects all
 * messages, in validator order, instead of stopping at the first failure.
 */
public final class PasswordPolicy {

	/** Django's {@code SetPasswordForm} message for two new passwords that differ. */
	public static final String MISMATCH = "The two password fields didn\u2019t match.";

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

	/**
	 * Django's {@code SetPasswordForm}: the two new passwords must match, and only then does the
	 * second pass every validator.
	 * @param newPassword1 the new password
	 * @param newPassword2 its confirmation
	 * @param owner the user it is for
	 * @return the messages for {@code new_password2}; empty when the pair is acceptable
	 */
	public List<String> newPasswordViolations(String newPassword1, String newPassword2, PasswordOwner owner) {
		if (!newPassword1.equals(newPassword2)) {
			return List.of(MISMATCH);
		}
		return violations(newPassword2, owner);
	}
}
