package dev.latchkey.user;

import java.time.Clock;
import java.util.Optional;

import dev.latchkey.password.PasswordHasher;

/**
 * Checks a username and password as Django's {@code ModelBackend} does, and then some: an
 * unknown username still costs one hash at the current parameters, so timing does not reveal
 * which usernames exist; a stored hash weaker than the current setting is replaced on success.
 */
public final class CredentialsAuthenticator {

	private final UserRepository users;

	private final UserLookup lookup;

	private final PasswordHasher passwordEncoder;

	private final Clock clock;

	private final boolean updateLastLogin;

	public CredentialsAuthenticator(UserRepository users, UserLookup lookup, PasswordHasher passwordEncoder,
			Clock clock, boolean updateLastLogin) {
		this.users = users;
		this.lookup = lookup;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.updateLastLogin = updateLastLogin;
	}

	/**
	 * @param username as typed
	 * @param password the raw password
	 * @return the active user these credentials belong to
	 * @throws InvalidCredentialsException if there is none
	 */
	public User authenticate(String username, String password) {
		Optional<User> found = this.lookup.findForLogin(username);
		if (found.isEmpty()) {
			this.passwordEncoder.hashDummy(password);
			throw new InvalidCredentialsException();
		}
		User user = found.get();
		// The password is checked before is_active, as Django does, so both failures take as long.
		if (!this.passwordEncoder.matches(password, user.passwordHash()) || !user.active()) {
			throw new InvalidCredentialsException();
		}
		if (this.passwordEncoder.upgradeEncoding(user.passwordHash())) {
			this.users.updatePassword(user.id(), this.passwordEncoder.encode(password));
		}
		if (this.updateLastLogin) {
			this.users.updateLastLogin(user.id(), this.clock.instant());
		}
		return user;
	}

}
