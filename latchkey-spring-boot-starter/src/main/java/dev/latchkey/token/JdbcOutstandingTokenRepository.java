package dev.latchkey.token;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link OutstandingTokenRepository} on the {@code latchkey_outstanding_token} and
 * {@code latchkey_blacklisted_token} tables.
 */
public final class JdbcOutstandingTokenRepository implements OutstandingTokenRepository {

	private static final String INSERT = """
			INSERT INTO latchkey_outstanding_token (jti, user_id, family_id, created_at, expires_at)
			VALUES (:jti, :userId, :familyId, :createdAt, :expiresAt)""";

	private static final String IS_BLACKLISTED = """
			SELECT COUNT(*) FROM latchkey_blacklisted_token b
			JOIN latchkey_outstanding_token o ON o.id = b.token_id
			WHERE o.jti = :jti""";

	private final JdbcClient jdbc;

	public JdbcOutstandingTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(OutstandingToken token) {
		this.jdbc.sql(INSERT)
			.param("jti", token.tokenId())
			.param("userId", token.userId())
			.param("familyId", token.familyId())
			.param("createdAt", Timestamp.from(token.createdAt()))
			.param("expiresAt", Timestamp.from(token.expiresAt()))
			.update();
	}

	@Override
	public boolean isBlacklisted(String tokenId) {
		return this.jdbc.sql(IS_BLACKLISTED).param("jti", tokenId).query(Long.class).single() > 0;
	}

}
