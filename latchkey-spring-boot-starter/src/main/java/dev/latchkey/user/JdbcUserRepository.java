package dev.latchkey.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * {@link UserRepository} on the {@code latchkey_user} table.
 */
public final class JdbcUserRepository implements UserRepository {

	static final String COLUMNS = "id, username, name, email, password, is_active, is_staff, is_superuser, "
			+ "date_joined, last_login";

	private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM latchkey_user WHERE id = :id";

	private static final String FIND_BY_USERNAME = "SELECT " + COLUMNS + " FROM latchkey_user WHERE username = :username";

	private static final String INSERT = """
			INSERT INTO latchkey_user (username, name, email, password, is_active, is_staff, is_superuser, date_joined)
			VALUES (:username, :name, :email, :password, TRUE, FALSE, FALSE, :dateJoined)""";

	private static final String UPDATE_PROFILE = "UPDATE latchkey_user SET name = :name, email = :email WHERE id = :id";

	private static final String UPDATE_PASSWORD = "UPDATE latchkey_user SET password = :password WHERE id = :id";

	private static final String UPDATE_LAST_LOGIN = "UPDATE latchkey_user SET last_login = :lastLogin WHERE id = :id";

	private static final RowMapper<User> ROW_MAPPER = JdbcUserRepository::mapRow;

	private final JdbcClient jdbc;

	public JdbcUserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<User> findById(long id) {
		return this.jdbc.sql(FIND_BY_ID).param("id", id).query(ROW_MAPPER).optional();
	}

	@Override
	public Optional<User> findByUsername(String username) {
		return this.jdbc.sql(FIND_BY_USERNAME).param("username", username).query(ROW_MAPPER).optional();
	}

	@Override
	public User insert(NewUser user, Instant dateJoined) {
		KeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql(INSERT)
				.param("username", user.username())
				.param("name", user.name())
				.param("email", user.email())
				.param("password", user.passwordHash())
				.param("dateJoined", Timestamp.from(dateJoined))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateUsernameException(ex);
		}
		long id = keys.getKeyAs(Number.class).longValue();
		return new User(id, user.username(), user.name(), user.email(), user.passwordHash(), true, false, false,
				dateJoined, null);
	}

	@Override
	public Optional<User> updateProfile(long id, String name, String email) {
		this.jdbc.sql(UPDATE_PROFILE).param("name", name).param("email", email).param("id", id).update();
		return findById(id);
	}

	@Override
	public void updatePassword(long id, String passwordHash) {
		this.jdbc.sql(UPDATE_PASSWORD).param("password", passwordHash).param("id", id).update();
	}

	@Override
	public void updateLastLogin(long id, Instant lastLogin) {
		this.jdbc.sql(UPDATE_LAST_LOGIN).param("lastLogin", Timestamp.from(lastLogin)).param("id", id).update();
	}

	static User mapRow(ResultSet rs, int rowNum) throws SQLException {
		return new User(rs.getLong("id"), rs.getString("username"), rs.getString("name"), rs.getString("email"),
				rs.getString("password"), rs.getBoolean("is_active"), rs.getBoolean("is_staff"),
				rs.getBoolean("is_superuser"), instant(rs, "date_joined"), instant(rs, "last_login"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
