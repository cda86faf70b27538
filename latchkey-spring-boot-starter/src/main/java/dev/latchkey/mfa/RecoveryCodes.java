package dev.latchkey.mfa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code latchkey_recovery_code} table: a user's single-use recovery codes, as keyed hashes.
 */
public final class RecoveryCodes {

	private final JdbcClient jdbc;

	public RecoveryCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replace every code of the user (used or not) by these hashes. */
	public void replace(long userId, List<String> hashes, Instant now) {
		deleteAll(userId);
		for (String hash : hashes) {
			this.jdbc.sql("INSERT INTO latchkey_recovery_code (user_id, code_hash, created_at) VALUES (:id, :hash, :now)")
				.param("id", userId)
				.param("hash", hash)
				.param("now", Timestamp.from(now))
				.update();
		}
	}

	/**
	 * Use a code: atomically, so two requests with the same code cannot both succeed.
	 * @return whether an unused code with this hash existed (and is now used)
	 */
	public boolean use(long userId, String hash, Instant now) {
		return this.jdbc
			.sql("UPDATE latchkey_recovery_code SET used_at = :now WHERE user_id = :id AND code_hash = :hash AND used_at IS NULL")
			.param("now", Timestamp.from(now))
			.param("id", userId)
			.param("hash", hash)
			.update() == 1;
	}

	public int remaining(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM latchkey_recovery_code WHERE user_id = :id AND used_at IS NULL")
			.param("id", userId)
			.query(Integer.class)
			.single();
	}

	public void deleteAll(long userId) {
		this.jdbc.sql("DELETE FROM latchkey_recovery_code WHERE user_id = :id").param("id", userId).update();
	}

}
