package dev.latchkey.mfa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code latchkey_totp} table: one (encrypted) TOTP secret per user, pending until confirmed,
 * and the last time step whose code was accepted.
 */
public final class TotpSecrets {

	private final JdbcClient jdbc;

	public TotpSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A user's TOTP secret.
	 *
	 * @param userId the owner
	 * @param encryptedSecret the secret as {@link SecretCipher} sealed it
	 * @param confirmed whether a first code confirmed it (only then is it a second factor)
	 * @param lastStep the last accepted time step, {@code -1} for none
	 */
	public record Stored(long userId, String encryptedSecret, boolean confirmed, long lastStep) {
	}

	public Optional<Stored> find(long userId) {
		return this.jdbc.sql("SELECT user_id, secret, confirmed_at, last_step FROM latchkey_totp WHERE user_id = :id")
			.param("id", userId)
			.query((rs, row) -> new Stored(rs.getLong("user_id"), rs.getString("secret"),
					rs.getTimestamp("confirmed_at") != null, rs.getLong("last_step")))
			.optional();
	}

	public boolean isConfirmed(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM latchkey_totp WHERE user_id = :id AND confirmed_at IS NOT NULL")
			.param("id", userId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Replace a pending secret (a new enrolment) but never a confirmed one.
	 * @return whether the secret was stored ({@code false}: TOTP is already on)
	 */
	public boolean savePending(long userId, String encryptedSecret, Instant now) {
		this.jdbc.sql("DELETE FROM latchkey_totp WHERE user_id = :id AND confirmed_at IS NULL").param("id", userId).update();
		try {
			return this.jdbc.sql("INSERT INTO latchkey_totp (user_id, secret, created_at) VALUES (:id, :secret, :now)")
				.param("id", userId)
				.param("secret", encryptedSecret)
				.param("now", Timestamp.from(now))
				.update() == 1;
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Accept a code of the given step: atomically, only if no code of this or a later step was
	 * accepted before (so a code is used once, even by two requests at the same moment).
	 * @param confirm also mark a pending secret confirmed
	 * @return whether the step was accepted
	 */
	public boolean acceptStep(long userId, long step, boolean confirm, Instant now) {
		String sql = confirm
				? "UPDATE latchkey_totp SET last_step = :step, confirmed_at = :now WHERE user_id = :id AND last_step < :step AND confirmed_at IS NULL"
				: "UPDATE latchkey_totp SET last_step = :step WHERE user_id = :id AND last_step < :step AND confirmed_at IS NOT NULL";
		var spec = this.jdbc.sql(sql).param("step", step).param("id", userId);
		if (confirm) {
			spec = spec.param("now", Timestamp.from(now));
		}
		return spec.update() == 1;
	}

	public boolean delete(long userId) {
		return this.jdbc.sql("DELETE FROM latchkey_totp WHERE user_id = :id").param("id", userId).update() > 0;
	}

}
