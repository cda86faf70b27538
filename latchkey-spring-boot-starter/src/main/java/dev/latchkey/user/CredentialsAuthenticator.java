package dev.latchkey.user;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.latchkey.password.PasswordHasher;
import dev.latchkey.password.Verification;

/**
 * Checks a username and password as Django's {@code ModelBackend} does, and then some: an
 * unknown username or an unusable stored hash still costs one hash at the current parameters,
 * and every failure is padded to the hasher's failure floor, so timing reveals neither which
 * usernames exist nor how their passwords are stored; a stored hash weaker than the current
 * setting is replaced on success.
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
		long start = System.nanoTime();
		try {
			return check(username, password);
		}
		catch (InvalidCredentialsException ex) {
			padToFloor(start);
			throw ex;
		}
	}

	private User check(String username, String password) {
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

	/**
	 * Every failure takes at least the hasher's failure floor, so an unknown user, a wrong password
	 * on a cheap legacy hash and one on the slowest stored hash take as long. The wait is a sleep on
	 * the request's own thread: it costs no CPU and holds no hashing thread.
	 */
	private void padToFloor(long start) {
		long remaining = this.passwordHasher.failureFloor().toNanos() - (System.nanoTime() - start);
		if (remaining <= 0) {
			return;
		}
		try {
			TimeUnit.NANOSECONDS.sleep(remaining);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
