package dev.latchkey.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * {@link EmailAddresses} on the {@code latchkey_email_address} table.
 */
public final class JdbcEmailAddresses implements EmailAddresses {

	private static final String COLUMNS = "id, user_id, email, verified, key_hash, key_expires_at";

	private static final String FIND_ID = "SELECT id FROM latchkey_email_address WHERE user_id = :userId AND email = :email";

	private static final String UPDATE_KEY = """
			UPDATE latchkey_email_address SET key_hash = :keyHash, key_expires_at = :expiresAt WHERE id = :id""";

	private static final String INSERT = """
			INSERT INTO latchkey_email_address (user_id, email, verified, key_hash, key_expires_at, created_at)
			VALUES (:userId, :email, FALSE, :keyHash, :expiresAt, :now)""";

	private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM latchkey_email_address WHERE id = :id";

	private static final String MARK_VERIFIED = """
			UPDATE latchkey_email_address SET verified = TRUE, key_hash = NULL, key_expires_at = NULL
			WHERE id = :id AND key_hash = :keyHash""";

	private static final String IS_VERIFIED = """
			SELECT COUNT(*) FROM latchkey_email_address
			WHERE user_id = :userId AND LOWER(email) = LOWER(:email) AND verified = TRUE""";

	private static final String FIND_UNVERIFIED = "SELECT " + COLUMNS
			+ " FROM latchkey_email_address WHERE LOWER(email) = LOWER(:email) AND verified = FALSE ORDER BY id";

	private final JdbcClient jdbc;

	public JdbcEmailAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long saveKey(long userId, String email, String keyHash, Instant expiresAt, Instant now) {
		Optional<Long> existing = this.jdbc.sql(FIND_ID).param("userId", userId).param("email", email)
			.query(Long.class).optional();
		if (existing.isPresent()) {
			this.jdbc.sql(UPDATE_KEY)
				.param("keyHash", keyHash)
				.param("expiresAt", Timestamp.from(expiresAt))
				.param("id", existing.get())
				.update();
			return existing.get();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("userId", userId)
			.param("email", email)
			.param("keyHash", keyHash)
			.param("expiresAt", Timestamp.from(expiresAt))
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	@Override
	public Optional<StoredAddress> findById(long id) {
		return this.jdbc.sql(FIND_BY_ID).param("id", id).query(JdbcEmailAddresses::map).optional();
	}

	@Override
	public boolean markVerified(long id, String keyHash) {
		return this.jdbc.sql(MARK_VERIFIED).param("id", id).param("keyHash", keyHash).update() == 1;
	}

	@Override
	public boolean isVerified(long userId, String email) {
		return this.jdbc.sql(IS_VERIFIED).param("userId", userId).param("email", email).query(Long.class).single() > 0;
	}

	@Override
	public List<StoredAddress> findUnverified(String email) {
		return this.jdbc.sql(FIND_UNVERIFIED).param("email", email).query(JdbcEmailAddresses::map).list();
	}

	private static StoredAddress map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime expires = rs.getObject("key_expires_at", OffsetDateTime.class);
		return new StoredAddress(rs.getLong("id"), rs.getLong("user_id"), rs.getString("email"),
				rs.getBoolean("verified"), rs.getString("key_hash"), (expires != null) ? expires.toInstant() : null);
	}

}
