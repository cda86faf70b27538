package dev.latchkey.user;

import java.time.Instant;
import java.util.Optional;

/**
 * Where users are stored.
 */
public interface UserRepository {

	Optional<User> findById(long id);

	Optional<User> findByUsername(String username);

	/**
	 * Store a new user; the database's unique constraint decides races.
	 * @param user the user
	 * @param dateJoined when the account was made
	 * @return the stored user with its id
	 * @throws DuplicateUsernameException if the username is taken
	 */
	User insert(NewUser user, Instant dateJoined);

	/**
	 * Change what a user may edit of themselves.
	 * @return the stored user after the change, empty if it no longer exists
	 */
	Optional<User> updateProfile(long id, String name, String email);

	void updatePassword(long id, String passwordHash);

	void updateLastLogin(long id, Instant lastLogin);

}
