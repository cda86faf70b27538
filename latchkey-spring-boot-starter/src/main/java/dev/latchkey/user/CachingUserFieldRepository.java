package dev.latchkey.user;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.latchkey.database.DatabaseAvailability;
import dev.latchkey.database.DatabaseFailures;
import dev.latchkey.database.LastKnown;

/**
 * A {@link UserFieldRepository} that keeps what it read: the request path reuses a user's fields
 * for as long as it reuses the user ({@code latchkey.sessions.user-cache-ttl}), a save on this
 * instance drops them at once, and {@code GET /api/auth/user/} of a user seen recently still
 * answers while the database is unavailable (up to the staleness limit). When the application
 * declares no sign-up fields, a user not read before has none to show, and gets that during an
 * outage too.
 */
public final class CachingUserFieldRepository implements UserFieldRepository {

	private final UserFieldRepository delegate;

	private final LastKnown<Long, Map<String, String>> byUser;

	private final boolean fieldsDeclared;

	/**
	 * @param delegate the repository that reads the database
	 * @param timeToLive how long values read are answered without reading again
	 * @param staleLimit how old the values may be and still be answered during an outage
	 * @param clock the clock
	 * @param availability whether the database is believed to answer now
	 * @param fieldsDeclared whether the application declares any {@link SignUpField}
	 */
	public CachingUserFieldRepository(UserFieldRepository delegate, Duration timeToLive, Duration staleLimit,
			Clock clock, DatabaseAvailability availability, boolean fieldsDeclared) {
		this.delegate = delegate;
		this.byUser = new LastKnown<>(timeToLive, staleLimit, clock, availability);
		this.fieldsDeclared = fieldsDeclared;
	}

	@Override
	public void save(long userId, Map<String, String> fields) {
		this.byUser.evict(userId);
		this.delegate.save(userId, fields);
	}

	@Override
	public Map<String, String> find(long userId) {
		try {
			return this.byUser.get(userId, () -> this.delegate.find(userId));
		}
		catch (RuntimeException ex) {
			if (!this.fieldsDeclared && DatabaseFailures.isUnavailable(ex)) {
				return Map.of();
			}
			throw ex;
		}
	}

}
