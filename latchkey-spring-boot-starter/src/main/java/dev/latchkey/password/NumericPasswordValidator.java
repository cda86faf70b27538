package dev.latchkey.password;

import java.util.List;

/**
 * Django's {@code NumericPasswordValidator}: rejects passwords for which Python's
 * {@code str.isdigit()} is true (approximated by "non-empty and every code point is a Unicode
 * decimal digit").
 */
public final class NumericPasswordValidator implements PasswordValidator {

	@Override
	public List<String> validate(String password, PasswordOwner owner) {
		return PythonStrings.isDigits(password) ? List.of("This password is entirely numeric.") : List.of();
	}
}
