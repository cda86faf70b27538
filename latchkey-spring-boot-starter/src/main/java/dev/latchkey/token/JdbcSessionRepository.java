package dev.latchkey.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link SessionRepository} on the {@code latchkey_session} table.
 */
public final class JdbcSessionRepository implements SessionRepository {

	private static final String COLUMNS = "id, user_id, created_at, last_used_at, expires_at, revoked_at, user_agent, ip, amr";

	/**
	 * The columns of {@code latchkey_session} with the table alias {@code s} and names prefixed
	 * {@code s_}, for a query that joins the table; {@link #read} maps them back.
	 */
	static final String JOINED_COLUMNS = Arrays.stream(COLUMNS.split(", "))
		.map((column) -> "s." + column + " AS s_" + column)
		.collect(Collectors.joining(", "));

	private static final String INSERT = """
			INSERT INTO latchkey_session (id, user_id, created_at, last_used_at, expires_at, user_agent, ip, amr)
			VALUES (:id, :userId, :createdAt, :createdAt, :expiresAt, :userAgent, :ip, :amr)""";

	private static final String FIND = "SELECT " + COLUMNS + " FROM latchkey_session WHERE id = :id";

	private static final String FIND_LIVE = "SELECT " + COLUMNS + " FROM latchkey_session "
			+ "WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now ORDER BY created_at";

	private static final String FIND_TO_REVOKE = "SELECT id FROM latchkey_session "
			+ "WHERE user_id = :userId AND revoked_at IS NULL AND (:only IS NULL OR id = :only) "
			+ "AND (:except IS NULL OR id <> :except)";

	private static final String REVOKE = "UPDATE latchkey_session SET revoked_at = :at "
			+ "WHERE id = :id AND revoked_at IS NULL";

	private static final String TOUCH = "UPDATE latchkey_session SET last_used_at = :at WHERE id = :id";

	private static final String FIND_EXPIRED = "SELECT id FROM latchkey_session WHERE expires_at < :now "
			+ "ORDER BY expires_at LIMIT :limit";

	private static final String DELETE = "DELETE FROM latchkey_session WHERE id IN (:ids)";

	private static final String FIND_REVOKED_SINCE = "SELECT id FROM latchkey_session WHERE revoked_at > :since";

	private final JdbcClient jdbc;

	public JdbcSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(Session session) {
		this.jdbc.sql(INSERT)
			.param("id", session.id())
			.param("userId", session.userId())
			.param("createdAt", Timestamp.from(session.createdAt()))
			.param("expiresAt", Timestamp.from(session.expiresAt()))
			.param("userAgent", session.client().userAgent())
			.param("ip", session.client().ip())
			.param("amr", String.join(" ", session.amr()))
			.update();
	}

	@Override
	public Optional<Session> find(String id) {
		return this.jdbc.sql(FIND).param("id", id).query(JdbcSessionRepository::mapRow).optional();
	}

	@Override
	public List<Session> findLive(long userId, Instant now) {
		return this.jdbc.sql(FIND_LIVE)
			.param("userId", userId)
			.param("now", Timestamp.from(now))
			.query(JdbcSessionRepository::mapRow)
			.list();
	}

	@Override
	public List<String> revoke(long userId, String only, String except, Instant at) {
		List<String> candidates = this.jdbc.sql(FIND_TO_REVOKE)
			.param("userId", userId)
			.param("only", only, java.sql.Types.VARCHAR)
			.param("except", except, java.sql.Types.VARCHAR)
			.query(String.class)
			.list();
		// Each session is revoked by a conditional update, so two concurrent revocations report it once.
		return candidates.stream()
			.filter((id) -> this.jdbc.sql(REVOKE).param("at", Timestamp.from(at)).param("id", id).update() == 1)
			.toList();
	}

	@Override
	public void touch(String id, Instant at) {
		this.jdbc.sql(TOUCH).param("at", Timestamp.from(at)).param("id", id).update();
	}

	@Override
	public int deleteExpired(Instant now, int limit) {
		List<String> ids = this.jdbc.sql(FIND_EXPIRED)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(String.class)
			.list();
		return ids.isEmpty() ? 0 : this.jdbc.sql(DELETE).param("ids", ids).update();
	}

	@Override
	public List<String> findRevokedSince(Instant since) {
		return this.jdbc.sql(FIND_REVOKED_SINCE).param("since", Timestamp.from(since)).query(String.class).list();
	}

	private static Session mapRow(ResultSet rs, int rowNum) throws SQLException {
		return read(rs, "");
	}

	/**
	 * The session in the current row, its column names prefixed by {@code prefix}.
	 * @return {@code null} when the row has no session (an outer join found none)
	 */
	static Session read(ResultSet rs, String prefix) throws SQLException {
		String id = rs.getString(prefix + "id");
		if (id == null) {
			return null;
		}
		return new Session(id, rs.getLong(prefix + "user_id"), JdbcInstants.read(rs, prefix + "created_at"),
				JdbcInstants.read(rs, prefix + "last_used_at"), JdbcInstants.read(rs, prefix + "expires_at"),
				JdbcInstants.read(rs, prefix + "revoked_at"),
				new ClientInfo(rs.getString(prefix + "user_agent"), rs.getString(prefix + "ip")),
				List.of(rs.getString(prefix + "amr").split(" ")));
	}

}
