package dev.latchkey.server.importer;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The importer's view of {@code latchkey_user}: which ids and usernames are taken, and one
 * batched insert that keeps Django's ids.
 */
final class JdbcLatchkeyUsers {

	// Two index lookups, not one OR: H2 answers "id IN (...) OR username IN (...)" with a table scan,
	// which would make a large import quadratic.
	private static final String FIND_CLASHES = """
			SELECT id, username FROM latchkey_user WHERE id IN (:ids)
			UNION
			SELECT id, username FROM latchkey_user WHERE username IN (:usernames)""";

	private static final String FIND_IDS = "SELECT id FROM latchkey_user WHERE id IN (:ids)";

	private static final String INSERT = """
			INSERT INTO latchkey_user
			  (id, username, name, email, password, is_active, is_staff, is_superuser, date_joined, last_login)
			VALUES
			  (:id, :username, :name, :email, :password, :active, :staff, :superuser, :dateJoined, :lastLogin)""";

	private final NamedParameterJdbcTemplate jdbc;

	JdbcLatchkeyUsers(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The stored users that have the id or the username of a user in {@code batch}. */
	List<StoredUser> findClashes(List<DjangoUser> batch) {
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("ids", batch.stream().map(DjangoUser::id).toList())
			.addValue("usernames", batch.stream().map(DjangoUser::username).filter((name) -> name != null).toList());
		return this.jdbc.query(FIND_CLASHES, params,
				(rs, row) -> new StoredUser(rs.getLong("id"), rs.getString("username")));
	}

	/** Which of these ids are stored users. */
	Set<Long> findIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.queryForList(FIND_IDS, new MapSqlParameterSource("ids", ids), Long.class));
	}

	/**
	 * Insert the users with their own ids, hashes verbatim, in one JDBC batch.
	 * @param now the {@code date_joined} of a user the source gave none
	 */
	void insert(List<DjangoUser> users, Instant now) {
		if (users.isEmpty()) {
			return;
		}
		SqlParameterSource[] rows = users.stream().map((user) -> row(user, now)).toArray(SqlParameterSource[]::new);
		this.jdbc.batchUpdate(INSERT, rows);
	}

	private static SqlParameterSource row(DjangoUser user, Instant now) {
		return new MapSqlParameterSource().addValue("id", user.id())
			.addValue("username", user.username())
			.addValue("name", user.name())
			.addValue("email", user.email())
			.addValue("password", user.passwordHash())
			.addValue("active", user.active())
			.addValue("staff", user.staff())
			.addValue("superuser", user.superuser())
			.addValue("dateJoined", utc((user.dateJoined() != null) ? user.dateJoined() : now),
					Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("lastLogin", utc(user.lastLogin()), Types.TIMESTAMP_WITH_TIMEZONE);
	}

	static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** A row already in {@code latchkey_user}. */
	record StoredUser(long id, String username) {
	}

}
