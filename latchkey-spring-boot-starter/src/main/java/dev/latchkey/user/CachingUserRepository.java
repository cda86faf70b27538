package dev.latchkey.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.latchkey.database.DatabaseAvailability;
import dev.latchkey.database.LastKnown;

/**
 * A {@link UserRepository} that remembers users looked up by id for a short time, so the request
 * path does not query the database on every call. A change made through this instance evicts at
 * once; one made elsewhere (another instance, an administrator's SQL) is seen within the
 * time-to-live, which keeps "deactivated users are refused within a second" true.
 *
 * <p>While the database is unavailable, a user read (by id, at login or at sign-up) less than the
 * staleness limit ago is served as last known, so valid access tokens keep working through an
 * outage; anyone else gets the database failure (a 503).
 */
public final class CachingUserRepository implements UserRepository {

	private final UserRepository delegate;

	private final LastKnown<Long, Optional<User>> byId;

	/**
	 * A cache that does not outlive an outage.
	 */
	public CachingUserRepository(UserRepository delegate, Duration timeToLive, Clock clock) {
		this(delegate, timeToLive, Duration.ZERO, clock, DatabaseAvailability.ALWAYS);
	}

	/**
	 * @param delegate the repository that reads the database
	 * @param timeToLive how long a user is reused without a query
	 * @param staleLimit how old a user may be and still authenticate while the database is
	 * unavailable; zero turns that off
	 * @param clock the clock
	 * @param availability whether the database is believed to answer now (when not, a user
	 * within the staleness limit is served without a query)
	 */
	public CachingUserRepository(UserRepository delegate, Duration timeToLive, Duration staleLimit, Clock clock,
			DatabaseAvailability availability) {
		this.delegate = delegate;
		this.byId = new LastKnown<>(timeToLive, staleLimit, clock, availability);
	}

	@Override
	public Optional<User> findById(long id) {
		return this.byId.get(id, () -> this.delegate.findById(id));
	}

	@Override
	public Optional<User> findByUsername(String username) {
		Optional<User> user = this.delegate.findByUsername(username);
		// Read fresh for login, and remembered: whoever just logged in is "seen recently".
		user.ifPresent(this::remember);
		return user;
	}

	@Override
	public User insert(NewUser user, Instant dateJoined) {
		return remember(this.delegate.insert(user, dateJoined));
	}

	@Override
	public Optional<User> updateProfile(long id, String name, String email) {
		this.byId.evict(id);
		return this.delegate.updateProfile(id, name, email);
	}

	@Override
	public void updatePassword(long id, String passwordHash) {
		this.byId.evict(id);
		this.delegate.updatePassword(id, passwordHash);
	}

	@Override
	public void updateLastLogin(long id, Instant lastLogin) {
		this.byId.evict(id);
		this.delegate.updateLastLogin(id, lastLogin);
	}

	private User remember(User user) {
		this.byId.remember(user.id(), Optional.of(user));
		return user;
	}

}
