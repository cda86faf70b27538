package dev.latchkey.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;

import dev.latchkey.user.DuplicateUsernameException;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;

/**
 * A {@link UserRepository} in a map, with the contract of {@code JdbcUserRepository}: usernames
 * are unique (a second insert of one throws {@link DuplicateUsernameException}, as the unique
 * constraint does), ids count up from 1, new users are active and neither staff nor superuser, and
 * instants are kept to the microsecond, as the database columns keep them.
 */
public final class InMemoryUserRepository implements UserRepository {

	private final Map<Long, User> users = new ConcurrentHashMap<>();

	private long lastId;

	@Override
	public Optional<User> findById(long id) {
		return Optional.ofNullable(this.users.get(id));
	}

	@Override
	public Optional<User> findByUsername(String username) {
		return this.users.values().stream().filter((user) -> user.username().equals(username)).findFirst();
	}

	@Override
	public synchronized User insert(NewUser user, Instant dateJoined) {
		if (findByUsername(user.username()).isPresent()) {
			throw new DuplicateUsernameException(new DuplicateKeyException("latchkey_user_username_key"));
		}
		long id = ++this.lastId;
		this.users.put(id, new User(id, user.username(), user.name(), user.email(), user.passwordHash(), true, false,
				false, micros(dateJoined), null));
		// As the JDBC repository: the answer carries the instant as given, a later read the stored one.
		return new User(id, user.username(), user.name(), user.email(), user.passwordHash(), true, false, false,
				dateJoined, null);
	}

	@Override
	public Optional<User> updateProfile(long id, String name, String email) {
		return Optional.ofNullable(this.users.computeIfPresent(id, (key, old) -> new User(old.id(), old.username(),
				name, email, old.passwordHash(), old.active(), old.staff(), old.superuser(), old.dateJoined(),
				old.lastLogin())));
	}

	@Override
	public void updatePassword(long id, String passwordHash) {
		this.users.computeIfPresent(id, (key, old) -> new User(old.id(), old.username(), old.name(), old.email(),
				passwordHash, old.active(), old.staff(), old.superuser(), old.dateJoined(), old.lastLogin()));
	}

	@Override
	public void updateLastLogin(long id, Instant lastLogin) {
		this.users.computeIfPresent(id, (key, old) -> new User(old.id(), old.username(), old.name(), old.email(),
				old.passwordHash(), old.active(), old.staff(), old.superuser(), old.dateJoined(), micros(lastLogin)));
	}

	/**
	 * Set {@code is_active}, as an administrator does (not part of {@link UserRepository}: the
	 * starter changes it through {@code UserDirectory}).
	 */
	public void setActive(long id, boolean active) {
		this.users.computeIfPresent(id, (key, old) -> new User(old.id(), old.username(), old.name(), old.email(),
				old.passwordHash(), active, old.staff(), old.superuser(), old.dateJoined(), old.lastLogin()));
	}

	/** Forget a user, as a deleted row. */
	public void delete(long id) {
		this.users.remove(id);
	}

	static Instant micros(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MICROS) : null;
	}

}
