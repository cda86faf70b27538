package dev.latchkey.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link OutstandingTokenRepository} on the {@code latchkey_outstanding_token} and
 * {@code latchkey_blacklisted_token} tables.
 */
public final class JdbcOutstandingTokenRepository implements OutstandingTokenRepository {

	private static final String INSERT = """
			INSERT INTO latchkey_outstanding_token (jti, user_id, session_id, created_at, expires_at)
			VALUES (:jti, :userId, :sessionId, :createdAt, :expiresAt)""";

	private static final String COLUMNS = """
			o.jti, o.user_id, o.session_id, o.created_at, o.expires_at, o.replaced_by, o.replaced_at,
			b.id AS blacklist_id""";

	private static final String FIND = """
			SELECT %s
			FROM latchkey_outstanding_token o
			LEFT JOIN latchkey_blacklisted_token b ON b.token_id = o.id
			WHERE o.jti = :jti""".formatted(COLUMNS);

	private static final String FIND_WITH_SESSION = """
			SELECT %s, %s
			FROM latchkey_outstanding_token o
			LEFT JOIN latchkey_blacklisted_token b ON b.token_id = o.id
			LEFT JOIN latchkey_session s ON s.id = o.session_id
			WHERE o.jti = :jti""".formatted(COLUMNS, JdbcSessionRepository.JOINED_COLUMNS);

	private static final String MARK_REPLACED = """
			UPDATE latchkey_outstanding_token SET replaced_by = :successor, replaced_at = :at
			WHERE jti = :jti AND replaced_by IS NULL""";

	private static final String BLACKLIST = """
			INSERT INTO latchkey_blacklisted_token (token_id, blacklisted_at)
			SELECT o.id, :at FROM latchkey_outstanding_token o
			WHERE o.jti = :jti AND NOT EXISTS (SELECT 1 FROM latchkey_blacklisted_token b WHERE b.token_id = o.id)""";

	private static final String FIND_EXPIRED = """
			SELECT id FROM latchkey_outstanding_token WHERE expires_at < :now ORDER BY expires_at LIMIT :limit""";

	private static final String DELETE_BLACKLIST_ROWS = "DELETE FROM latchkey_blacklisted_token WHERE token_id IN (:ids)";

	private static final String DELETE_TOKENS = "DELETE FROM latchkey_outstanding_token WHERE id IN (:ids)";

	private final JdbcClient jdbc;

	public JdbcOutstandingTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(OutstandingToken token) {
		this.jdbc.sql(INSERT)
			.param("jti", token.tokenId())
			.param("userId", token.userId())
			.param("sessionId", token.sessionId())
			.param("createdAt", Timestamp.from(token.createdAt()))
			.param("expiresAt", Timestamp.from(token.expiresAt()))
			.update();
	}

	@Override
	public Optional<OutstandingToken> find(String tokenId) {
		return this.jdbc.sql(FIND).param("jti", tokenId).query(JdbcOutstandingTokenRepository::mapRow).optional();
	}

	@Override
	public Optional<StoredRefresh> findWithSession(String tokenId) {
		return this.jdbc.sql(FIND_WITH_SESSION)
			.param("jti", tokenId)
			.query((rs, rowNum) -> new StoredRefresh(mapRow(rs, rowNum), JdbcSessionRepository.read(rs, "s_")))
			.optional();
	}

	@Override
	public boolean markReplaced(String tokenId, String successorId, Instant at) {
		return this.jdbc.sql(MARK_REPLACED)
			.param("successor", successorId)
			.param("at", Timestamp.from(at))
			.param("jti", tokenId)
			.update() == 1;
	}

	@Override
	public void blacklist(String tokenId, Instant at) {
		try {
			this.jdbc.sql(BLACKLIST).param("at", Timestamp.from(at)).param("jti", tokenId).update();
		}
		catch (DuplicateKeyException ex) {
			// Someone blacklisted it at the same moment: the outcome is the same.
		}
	}

	@Override
	public int deleteExpired(Instant now, int limit) {
		List<Long> ids = this.jdbc.sql(FIND_EXPIRED)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		this.jdbc.sql(DELETE_BLACKLIST_ROWS).param("ids", ids).update();
		return this.jdbc.sql(DELETE_TOKENS).param("ids", ids).update();
	}

	private static OutstandingToken mapRow(ResultSet rs, int rowNum) throws SQLException {
		return new OutstandingToken(rs.getString("jti"), rs.getLong("user_id"), rs.getString("session_id"),
				JdbcInstants.read(rs, "created_at"), JdbcInstants.read(rs, "expires_at"), rs.getString("replaced_by"),
				JdbcInstants.read(rs, "replaced_at"), rs.getObject("blacklist_id") != null);
	}

}
