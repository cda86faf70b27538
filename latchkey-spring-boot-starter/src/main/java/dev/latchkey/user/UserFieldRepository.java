package dev.latchkey.user;

import java.util.Map;

/**
 * Where the values of extra sign-up fields are kept.
 */
public interface UserFieldRepository {

	void save(long userId, Map<String, String> fields);

	/** The user's extra fields, in name order. */
	Map<String, String> find(long userId);

}
