package dev.latchkey.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link PasswordResetTokens} on the {@code latchkey_password_reset} table.
 */
public final class JdbcPasswordResetTokens implements PasswordResetTokens {

	private static final String DELETE_FOR_USER = "DELETE FROM latchkey_password_reset WHERE user_id = :userId";

	private static final String INSERT = """
			INSERT INTO latchkey_password_reset (user_id, token_hash, password_fingerprint, created_at, expires_at)
			VALUES (:userId, :tokenHash, :fingerprint, :now, :expiresAt)""";

	private static final String FIND = """
			SELECT token_hash, password_fingerprint, expires_at FROM latchkey_password_reset WHERE user_id = :userId""";

	private static final String CONSUME = "DELETE FROM latchkey_password_reset WHERE user_id = :userId AND token_hash = :tokenHash";

	private static final String DELETE_EXPIRED = "DELETE FROM latchkey_password_reset WHERE expires_at <= :now";

	private final JdbcClient jdbc;

	public JdbcPasswordResetTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void replace(long userId, String tokenHash, String passwordFingerprint, Instant now, Instant expiresAt) {
		// Delete then insert, inside the caller's transaction (H2 has no ON CONFLICT with a target).
		this.jdbc.sql(DELETE_FOR_USER).param("userId", userId).update();
		this.jdbc.sql(INSERT)
			.param("userId", userId)
			.param("tokenHash", tokenHash)
			.param("fingerprint", passwordFingerprint)
			.param("now", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
	}

	@Override
	public Optional<StoredResetToken> find(long userId) {
		return this.jdbc.sql(FIND)
			.param("userId", userId)
			.query((rs, row) -> new StoredResetToken(rs.getString("token_hash"), rs.getString("password_fingerprint"),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	@Override
	public boolean consume(long userId, String tokenHash) {
		return this.jdbc.sql(CONSUME).param("userId", userId).param("tokenHash", tokenHash).update() == 1;
	}

	@Override
	public int deleteExpired(Instant now) {
		return this.jdbc.sql(DELETE_EXPIRED).param("now", Timestamp.from(now)).update();
	}

}
