package dev.latchkey.benchmarks;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;

/** A trivial {@link UserRepository} in a map: the delegate behind {@code CachingUserRepository} here. */
public final class InMemoryUserRepository implements UserRepository {

	private final Map<Long, User> users = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	@Override
	public Optional<User> findById(long id) {
		return Optional.ofNullable(this.users.get(id));
	}

	@Override
	public Optional<User> findByUsername(String username) {
		return this.users.values().stream().filter((user) -> user.username().equals(username)).findFirst();
	}

	@Override
	public User insert(NewUser user, Instant dateJoined) {
		long id = this.ids.incrementAndGet();
		User stored = new User(id, user.username(), user.name(), user.email(), user.passwordHash(), true, false, false,
				dateJoined, null);
		this.users.put(id, stored);
		return stored;
	}

	@Override
	public Optional<User> updateProfile(long id, String name, String email) {
		User user = this.users.computeIfPresent(id, (key, old) -> new User(old.id(), old.username(), name, email,
				old.passwordHash(), old.active(), old.staff(), old.superuser(), old.dateJoined(), old.lastLogin()));
		return Optional.ofNullable(user);
	}

	@Override
	public void updatePassword(long id, String passwordHash) {
		this.users.computeIfPresent(id, (key, old) -> new User(old.id(), old.username(), old.name(), old.email(),
				passwordHash, old.active(), old.staff(), old.superuser(), old.dateJoined(), old.lastLogin()));
	}

	@Override
	public void updateLastLogin(long id, Instant lastLogin) {
		this.users.computeIfPresent(id, (key, old) -> new User(old.id(), old.username(), old.name(), old.email(),
				old.passwordHash(), old.active(), old.staff(), old.superuser(), old.dateJoined(), lastLogin));
	}

}
