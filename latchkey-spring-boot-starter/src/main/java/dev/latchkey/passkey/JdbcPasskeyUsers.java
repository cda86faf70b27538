package dev.latchkey.passkey;

import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

/**
 * Spring Security's user entities on {@code latchkey_passkey_user}: the random user handle a
 * user's passkeys carry (never the database id, as WebAuthn asks), and the username as the
 * entity's name. {@link Passkeys} creates the row before a ceremony, so Spring Security's
 * relying-party operations always find the entity of a Latchkey user.
 */
public final class JdbcPasskeyUsers implements PublicKeyCredentialUserEntityRepository {

	private final JdbcClient jdbc;

	public JdbcPasskeyUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The entity of a user, created with a fresh random handle the first time. */
	PublicKeyCredentialUserEntity ensure(long userId, String username) {
		Optional<PublicKeyCredentialUserEntity> existing = findByUserId(userId);
		if (existing.isPresent()) {
			return existing.get();
		}
		String handle = encode(Bytes.random());
		try {
			this.jdbc.sql("INSERT INTO latchkey_passkey_user (user_id, handle, name) VALUES (:id, :handle, :name)")
				.param("id", userId)
				.param("handle", handle)
				.param("name", username)
				.update();
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// A concurrent first registration made it: use theirs.
		}
		return findByUserId(userId).orElseThrow();
	}

	Optional<PublicKeyCredentialUserEntity> findByUserId(long userId) {
		return this.jdbc.sql("SELECT handle, name FROM latchkey_passkey_user WHERE user_id = :id")
			.param("id", userId)
			.query((rs, row) -> entity(rs.getString("handle"), rs.getString("name")))
			.optional();
	}

	/** The Latchkey user id of a user handle. */
	Optional<Long> userIdOf(Bytes handle) {
		return this.jdbc.sql("SELECT user_id FROM latchkey_passkey_user WHERE handle = :handle")
			.param("handle", encode(handle))
			.query(Long.class)
			.optional();
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return this.jdbc.sql("SELECT handle, name FROM latchkey_passkey_user WHERE handle = :handle")
			.param("handle", encode(id))
			.query((rs, row) -> entity(rs.getString("handle"), rs.getString("name")))
			.optional()
			.orElse(null);
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return this.jdbc.sql("SELECT handle, name FROM latchkey_passkey_user WHERE name = :name")
			.param("name", username)
			.query((rs, row) -> entity(rs.getString("handle"), rs.getString("name")))
			.optional()
			.orElse(null);
	}

	/** Entities are created by {@link #ensure} only; saving one Spring Security made is refused. */
	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
		if (findById(userEntity.getId()) == null) {
			throw new IllegalStateException("Passkey user entities are created for Latchkey users only");
		}
	}

	@Override
	public void delete(Bytes id) {
		this.jdbc.sql("DELETE FROM latchkey_passkey_user WHERE handle = :handle").param("handle", encode(id)).update();
	}

	private static PublicKeyCredentialUserEntity entity(String handle, String name) {
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.id(new Bytes(Base64.getUrlDecoder().decode(handle)))
			.name(name)
			.displayName(name)
			.build();
	}

	static String encode(Bytes bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.getBytes());
	}

}
