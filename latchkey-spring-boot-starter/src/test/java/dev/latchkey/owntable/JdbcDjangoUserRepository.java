package dev.latchkey.owntable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import dev.latchkey.user.DuplicateUsernameException;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;

/**
 * The application's own {@code users} table (the Django seed's columns: id, username, name,
 * password). Every user is active and neither staff nor superuser; email is not stored.
 */
final class JdbcDjangoUserRepository implements UserRepository {

	private static final String COLUMNS = "id, username, name, password";

	private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = ?";

	private static final String FIND_BY_USERNAME = "SELECT " + COLUMNS + " FROM users WHERE username = ?";

	private static final String INSERT = "INSERT INTO users (username, name, password) VALUES (?, ?, ?)";

	private static final String UPDATE_NAME = "UPDATE users SET name = ? WHERE id = ?";

	private static final String UPDATE_PASSWORD = "UPDATE users SET password = ? WHERE id = ?";

	private final JdbcClient jdbc;

	JdbcDjangoUserRepository(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Override
	public Optional<User> findById(long id) {
		return this.jdbc.sql(FIND_BY_ID).param(id).query(JdbcDjangoUserRepository::map).optional();
	}

	@Override
	public Optional<User> findByUsername(String username) {
		return this.jdbc.sql(FIND_BY_USERNAME).param(username).query(JdbcDjangoUserRepository::map).optional();
	}

	@Override
	public User insert(NewUser user, Instant dateJoined) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql(INSERT).params(user.username(), user.name(), user.passwordHash()).update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateUsernameException(ex);
		}
		return findById(keys.getKeyAs(Number.class).longValue()).orElseThrow();
	}

	@Override
	public Optional<User> updateProfile(long id, String name, String email) {
		this.jdbc.sql(UPDATE_NAME).params(name, id).update();
		return findById(id);
	}

	@Override
	public void updatePassword(long id, String passwordHash) {
		this.jdbc.sql(UPDATE_PASSWORD).params(passwordHash, id).update();
	}

	@Override
	public void updateLastLogin(long id, Instant lastLogin) {
		// The seed's table has no last_login column.
	}

	private static User map(ResultSet rs, int row) throws SQLException {
		return new User(rs.getLong("id"), rs.getString("username"), rs.getString("name"), "", rs.getString("password"),
				true, false, false, Instant.EPOCH, null);
	}

}
