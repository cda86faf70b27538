package dev.latchkey.user;

import java.util.Optional;

/**
 * Finds the user a login names. The default looks the identifier up as a username (Django's
 * {@code ModelBackend}); declare a bean of this type to log in by email, by a legacy name, or
 * by anything else (the counterpart of a custom Django authentication backend).
 */
@FunctionalInterface
public interface UserLookup {

	/**
	 * @param identifier what the client typed in the {@code username} field
	 * @return the user, if any
	 */
	Optional<User> findForLogin(String identifier);

	/** Django's lookup: by NFKC-normalised username, case-sensitive. */
	static UserLookup byUsername(UserRepository users) {
		return (identifier) -> users.findByUsername(UsernameRules.normalize(identifier));
	}

}
