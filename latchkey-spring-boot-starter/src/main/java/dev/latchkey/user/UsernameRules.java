package dev.latchkey.user;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Django's username rules: NFKC-normalised ({@code AbstractBaseUser.normalize_username}), at most
 * 150 characters, and only letters, digits and {@code @.+-_} ({@code UnicodeUsernameValidator}).
 * Usernames stay case-sensitive, as in Django.
 */
public final class UsernameRules {

	public static final int MAX_LENGTH = 150;

	static final String TOO_LONG = "Ensure this field has no more than " + MAX_LENGTH + " characters.";

	static final String INVALID = "Enter a valid username. This value may contain only letters, numbers, and "
			+ "@/./+/-/_ characters.";

	// Python's \w on str: Unicode letters and numbers, and the underscore.
	private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_.@+\\-]+");

	private UsernameRules() {
	}

	/** Normalise a username as Django does before storing or looking it up. */
	public static String normalize(String username) {
		return Normalizer.normalize(username, Normalizer.Form.NFKC);
	}

	/**
	 * Check an already-normalised username against Django's length and character rules. The
	 * length is checked here, after normalisation, because NFKC can lengthen a name many times
	 * ("\u3316" becomes six characters): a name that fitted when typed may not fit the column.
	 * @return DRF's or Django's message when it breaks a rule
	 */
	public static Optional<String> violation(String username) {
		if (username.length() > MAX_LENGTH) {
			return Optional.of(TOO_LONG);
		}
		return ALLOWED.matcher(username).matches() ? Optional.empty() : Optional.of(INVALID);
	}

}
