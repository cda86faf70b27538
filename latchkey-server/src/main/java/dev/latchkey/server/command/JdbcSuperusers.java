package dev.latchkey.server.command;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import dev.latchkey.user.NewUser;

/**
 * Stores a superuser in {@code latchkey_user}: the starter's {@code UserRepository.insert} makes
 * every new user a plain one, as sign-up must, so {@code is_staff} and {@code is_superuser} are
 * set here in the same single insert.
 */
final class JdbcSuperusers {

	private static final String INSERT = """
			INSERT INTO latchkey_user (username, name, email, password, is_active, is_staff, is_superuser, date_joined)
			VALUES (:username, :name, :email, :password, TRUE, TRUE, TRUE, :dateJoined)""";

	private final JdbcClient jdbc;

	JdbcSuperusers(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * @return the new user's id
	 * @throws CommandException when the username was taken meanwhile
	 */
	long insert(NewUser user, Instant dateJoined) {
		KeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql(INSERT)
				.param("username", user.username())
				.param("name", user.name())
				.param("email", user.email())
				.param("password", user.passwordHash())
				.param("dateJoined", dateJoined.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new CommandException(AccountRules.USERNAME_TAKEN, ex);
		}
		return keys.getKeyAs(Number.class).longValue();
	}

}
