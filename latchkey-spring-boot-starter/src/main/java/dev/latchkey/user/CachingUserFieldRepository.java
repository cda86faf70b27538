package dev.latchkey.user;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.latchkey.database.DatabaseAvailability;
import dev.latchkey.database.LastKnown;

/**
 * A {@link UserFieldRepository} that reads every time but keeps what it read, so that
 * {@code GET /api/auth/user/} of a user seen recently still answers while the database is
 * unavailable (up to the staleness limit).
 */
public final class CachingUserFieldRepository implements UserFieldRepository {

	private final UserFieldRepository delegate;

	private final LastKnown<Long, Map<String, String>> byUser;

	/**
	 * @param delegate the repository that reads the database
	 * @param staleLimit how old the values may be and still be answered during an outage
	 * @param clock the clock
	 * @param availability whether the database is believed to answer now
	 */
	public CachingUserFieldRepository(UserFieldRepository delegate, Duration staleLimit, Clock clock,
			DatabaseAvailability availability) {
		this.delegate = delegate;
		this.byUser = new LastKnown<>(Duration.ZERO, staleLimit, clock, availability);
	}

	@Override
	public void save(long userId, Map<String, String> fields) {
		this.byUser.evict(userId);
		this.delegate.save(userId, fields);
	}

	@Override
	public Map<String, String> find(long userId) {
		return this.byUser.get(userId, () -> this.delegate.find(userId));
	}

}
