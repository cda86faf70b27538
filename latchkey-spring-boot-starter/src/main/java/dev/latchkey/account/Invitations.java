package dev.latchkey.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The {@code latchkey_invitation} table.
 */
public final class Invitations {

	private static final String INSERT = """
			INSERT INTO latchkey_invitation (email, key_hash, created_by, created_at, expires_at)
			VALUES (:email, :keyHash, :createdBy, :now, :expiresAt)""";

	private static final String FIND = """
			SELECT email, key_hash, expires_at, accepted_at FROM latchkey_invitation WHERE id = :id""";

	private static final String ACCEPT = """
			UPDATE latchkey_invitation SET accepted_at = :now WHERE id = :id AND accepted_at IS NULL""";

	private final JdbcClient jdbc;

	public Invitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long create(String email, String keyHash, Long createdBy, Instant now, Instant expiresAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("email", email)
			.param("keyHash", keyHash)
			.param("createdBy", createdBy)
			.param("now", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(expiresAt))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Invitation> find(long id) {
		return this.jdbc.sql(FIND).param("id", id).query((rs, row) -> new Invitation(id, rs.getString("email"),
				rs.getString("key_hash"), rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
				rs.getObject("accepted_at", OffsetDateTime.class) != null)).optional();
	}

	boolean accept(long id, Instant now) {
		return this.jdbc.sql(ACCEPT).param("now", Timestamp.from(now)).param("id", id).update() == 1;
	}

	record Invitation(long id, String email, String keyHash, Instant expiresAt, boolean accepted) {

	}

}
