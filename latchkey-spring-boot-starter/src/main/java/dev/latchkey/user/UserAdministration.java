package dev.latchkey.user;

import java.util.List;
import java.util.OptionalInt;

import dev.latchkey.token.ClientInfo;
import dev.latchkey.token.UserSessions;

/**
 * What a superuser may do to other users (Django admin's user list): find them, deactivate one
 * (which ends every session of theirs), end every session of one.
 */
public final class UserAdministration {

	/** Most users one search returns. */
	public static final int SEARCH_LIMIT = 100;

	private final UserDirectory directory;

	private final UserSessions sessions;

	public UserAdministration(UserDirectory directory, UserSessions sessions) {
		this.directory = directory;
		this.sessions = sessions;
	}

	/** @param query text in the username, name or email; blank for every user (the first {@link #SEARCH_LIMIT}) */
	public List<User> search(String query) {
		return this.directory.search((query != null) ? query : "", SEARCH_LIMIT);
	}

	/** @return the sessions ended, or empty when there is no such user */
	public OptionalInt deactivate(long userId, ClientInfo client) {
		if (!this.directory.setActive(userId, false)) {
			return OptionalInt.empty();
		}
		return OptionalInt.of(this.sessions.revokeAll(userId, client));
	}

	/** @return the sessions ended */
	public int endSessions(long userId, ClientInfo client) {
		return this.sessions.revokeAll(userId, client);
	}

}
