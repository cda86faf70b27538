package dev.latchkey.server.importer;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import static dev.latchkey.server.importer.JdbcLatchkeyUsers.utc;

/**
 * The importer's view of {@code latchkey_outstanding_token}, {@code latchkey_blacklisted_token}
 * and {@code latchkey_session}. Every outstanding token needs a session (session), so each
 * user whose Django tokens were blacklisted gets one revoked session, {@code django-import-<id>},
 * holding them: a refresh with any of them is refused as blacklisted, by its own row and by
 * its revoked session.
 */
final class JdbcLatchkeyTokens {

	static final String SESSION_PREFIX = "django-import-";

	private static final String FIND_KNOWN = """
			SELECT o.jti, b.id AS blacklist_id FROM latchkey_outstanding_token o
			LEFT JOIN latchkey_blacklisted_token b ON b.token_id = o.id
			WHERE o.jti IN (:jtis)""";

	private static final String FIND_SESSIONS = "SELECT id FROM latchkey_session WHERE id IN (:ids)";

	private static final String INSERT_SESSION = """
			INSERT INTO latchkey_session
			  (id, user_id, created_at, last_used_at, expires_at, revoked_at, user_agent, ip)
			VALUES (:id, :userId, :createdAt, :createdAt, :expiresAt, :revokedAt, 'imported from Django', '')""";

	private static final String INSERT_TOKEN = """
			INSERT INTO latchkey_outstanding_token (jti, user_id, session_id, created_at, expires_at)
			VALUES (:jti, :userId, :sessionId, :createdAt, :expiresAt)""";

	private static final String BLACKLIST = """
			INSERT INTO latchkey_blacklisted_token (token_id, blacklisted_at)
			SELECT o.id, :at FROM latchkey_outstanding_token o
			WHERE o.jti = :jti AND NOT EXISTS (SELECT 1 FROM latchkey_blacklisted_token b WHERE b.token_id = o.id)""";

	private final NamedParameterJdbcTemplate jdbc;

	JdbcLatchkeyTokens(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The stored jtis among these, each with whether it is blacklisted. */
	Map<String, Boolean> findKnown(Collection<String> jtis) {
		Map<String, Boolean> known = new HashMap<>();
		if (!jtis.isEmpty()) {
			this.jdbc.query(FIND_KNOWN, new MapSqlParameterSource("jtis", jtis),
					(RowCallbackHandler) (rs) -> known.put(rs.getString("jti"), rs.getObject("blacklist_id") != null));
		}
		return known;
	}

	/** Store tokens Latchkey has never seen, already blacklisted, in their user's revoked session. */
	void insertRevoked(List<DjangoToken> tokens, Instant now) {
		if (tokens.isEmpty()) {
			return;
		}
		insertMissingSessions(tokens, now);
		this.jdbc.batchUpdate(INSERT_TOKEN, tokens.stream().map(JdbcLatchkeyTokens::tokenRow)
			.toArray(SqlParameterSource[]::new));
		blacklist(tokens, now);
	}

	/** Blacklist tokens Latchkey already stores (adopted during a cut-over, then revoked in Django). */
	void blacklist(List<DjangoToken> tokens, Instant now) {
		if (tokens.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(BLACKLIST, tokens.stream()
			.map((token) -> new MapSqlParameterSource("jti", token.jti()).addValue("at",
					utc(orElse(token.blacklistedAt(), now)), Types.TIMESTAMP_WITH_TIMEZONE))
			.toArray(SqlParameterSource[]::new));
	}

	private void insertMissingSessions(List<DjangoToken> tokens, Instant now) {
		Map<Long, List<DjangoToken>> byUser = new LinkedHashMap<>();
		tokens.forEach((token) -> byUser.computeIfAbsent(token.userId(), (id) -> new ArrayList<>()).add(token));
		List<String> ids = byUser.keySet().stream().map(JdbcLatchkeyTokens::sessionId).toList();
		Set<String> existing = new HashSet<>(
				this.jdbc.queryForList(FIND_SESSIONS, new MapSqlParameterSource("ids", ids), String.class));
		SqlParameterSource[] rows = byUser.entrySet()
			.stream()
			.filter((entry) -> !existing.contains(sessionId(entry.getKey())))
			.map((entry) -> sessionRow(entry.getKey(), entry.getValue(), now))
			.toArray(SqlParameterSource[]::new);
		if (rows.length > 0) {
			this.jdbc.batchUpdate(INSERT_SESSION, rows);
		}
	}

	/**
	 * The session ends with its last token; it was revoked when Django blacklisted the first one
	 * (in the past, so no instance loads it into its in-memory revocation list for nothing).
	 */
	private static SqlParameterSource sessionRow(long userId, List<DjangoToken> tokens, Instant now) {
		Instant expiresAt = tokens.stream().map(DjangoToken::expiresAt).max(Instant::compareTo).orElse(now);
		Instant revokedAt = tokens.stream().map((token) -> orElse(token.blacklistedAt(), now))
			.min(Instant::compareTo).orElse(now);
		return new MapSqlParameterSource("id", sessionId(userId)).addValue("userId", userId)
			.addValue("createdAt", utc(now), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("expiresAt", utc(expiresAt), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("revokedAt", utc(revokedAt), Types.TIMESTAMP_WITH_TIMEZONE);
	}

	private static SqlParameterSource tokenRow(DjangoToken token) {
		return new MapSqlParameterSource("jti", token.jti()).addValue("userId", token.userId())
			.addValue("sessionId", sessionId(token.userId()))
			.addValue("createdAt", utc(token.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("expiresAt", utc(token.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE);
	}

	static String sessionId(long userId) {
		return SESSION_PREFIX + userId;
	}

	private static Instant orElse(Instant instant, Instant fallback) {
		return (instant != null) ? instant : fallback;
	}

}
