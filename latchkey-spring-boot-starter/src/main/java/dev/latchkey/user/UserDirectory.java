package dev.latchkey.user;

import java.util.List;

/**
 * What an administrator needs of the user store beyond {@link UserRepository}: finding users and
 * switching one off (Django admin's user list and {@code is_active}).
 */
public interface UserDirectory {

	/**
	 * @param query text contained in the username, name or email, case-insensitive; blank for all
	 * @param limit most users returned, in id order
	 * @return the users found
	 */
	List<User> search(String query, int limit);

	/**
	 * @param id the user's id
	 * @param active whether the user may log in
	 * @return whether the user exists
	 */
	boolean setActive(long id, boolean active);

}
