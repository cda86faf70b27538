package dev.latchkey.user;

import java.time.Clock;
import java.util.Optional;

import dev.latchkey.password.PasswordHasher;
import dev.latchkey.password.Verification;

/**
 * Checks a username and password as Django's {@code ModelBackend} does, and then some: an
 * unknown username still costs one hash at the current parameters, so timing does not reveal
 * which usernames exist; a stored hash weaker than the current setting is replaced on success.
 */
public final class CredentialsAuthenticator {

	private final UserRepository users;

	private final UserLookup lookup;

	private final PasswordHasher passwordHasher;

	private final Clock clock;

	private final boolean updateLastLogin;

	public CredentialsAuthenticator(UserRepository users, UserLookup lookup, PasswordHasher passwordHasher,
			Clock clock, boolean updateLastLogin) {
		this.users = users;
		this.lookup = lookup;
		this.passwordHasher = passwordHasher;
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
			this.passwordHasher.hashDummy(password);
			throw new InvalidCredentialsException();
		}
		User user = found.get();
		// The password is checked before is_active, as Django does, so both failures take as long.
		// A weaker stored hash is checked and re-hashed in one unit of hashing work.
		Verification verification = this.passwordHasher.verify(password, user.passwordHash());
		if (!verification.matched() || !user.active()) {
			throw new InvalidCredentialsException();
		}
		if (verification.upgraded()) {
			this.users.updatePassword(user.id(), verification.upgradedHash());
		}
		if (this.updateLastLogin) {
			this.users.updateLastLogin(user.id(), this.clock.instant());
		}
		return user;
	}

}
