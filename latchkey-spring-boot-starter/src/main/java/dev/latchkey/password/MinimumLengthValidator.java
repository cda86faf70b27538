package dev.latchkey.password;

import java.util.List;

/**
 * Django's {@code MinimumLengthValidator}: at least {@code minLength} characters, counted as
 * code points like Python's {@code len()}.
 */
public final class MinimumLengthValidator implements PasswordValidator {

	private final int minLength;

	/** Django's default of 8 characters. */
	public MinimumLengthValidator() {
		this(8);
	}

	public MinimumLengthValidator(int minLength) {
		if (minLength < 0) {
			throw new IllegalArgumentException("minLength must not be negative: " + minLength);
		}
		this.minLength = minLength;
	}

	@Override
	public List<String> validate(String password, PasswordOwner owner) {
		if (PythonStrings.length(password) >= minLength) {
			return List.of();
		}
		// Django's ngettext: the English singular applies to exactly one.
		String unit = minLength == 1 ? "character" : "characters";
		return List.of("This password is too short. It must contain at least " + minLength + " " + unit + ".");
	}
}
