package dev.latchkey.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link UserRepository} that remembers users looked up by id for a short time, so the request
 * path does not query the database on every call. A change made through this instance evicts at
 * once; one made elsewhere (another instance, an administrator's SQL) is seen within the
 * time-to-live, which keeps "deactivated users are refused within a second" true.
 */
public final class CachingUserRepository implements UserRepository {

	private static final int MAX_ENTRIES = 100_000;

	private final UserRepository delegate;

	private final Duration timeToLive;

	private final Clock clock;

	private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

	public CachingUserRepository(UserRepository delegate, Duration timeToLive, Clock clock) {
		this.delegate = delegate;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	@Override
	public Optional<User> findById(long id) {
		Instant now = this.clock.instant();
		Entry entry = this.entries.get(id);
		if (entry != null && now.isBefore(entry.expiresAt())) {
			return entry.user();
		}
		Optional<User> user = this.delegate.findById(id);
		if (this.entries.size() >= MAX_ENTRIES) {
			// Bounded memory under a flood of distinct ids: start over rather than grow.
			this.entries.clear();
		}
		this.entries.put(id, new Entry(user, now.plus(this.timeToLive)));
		return user;
	}

	@Override
	public Optional<User> findByUsername(String username) {
		return this.delegate.findByUsername(username);
	}

	@Override
	public User insert(NewUser user, Instant dateJoined) {
		return this.delegate.insert(user, dateJoined);
	}

	@Override
	public Optional<User> updateProfile(long id, String name, String email) {
		this.entries.remove(id);
		return this.delegate.updateProfile(id, name, email);
	}

	@Override
	public void updatePassword(long id, String passwordHash) {
		this.entries.remove(id);
		this.delegate.updatePassword(id, passwordHash);
	}

	@Override
	public void updateLastLogin(long id, Instant lastLogin) {
		this.entries.remove(id);
		this.delegate.updateLastLogin(id, lastLogin);
	}

	private record Entry(Optional<User> user, Instant expiresAt) {
	}

}
