package dev.latchkey.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Where reset tokens live: one per user, as hashes.
 */
public interface PasswordResetTokens {

	/** Store the user's token, replacing (and so invalidating) any earlier one. */
	void replace(long userId, String tokenHash, String passwordFingerprint, Instant now, Instant expiresAt);

	Optional<StoredResetToken> find(long userId);

	/**
	 * Use the token up.
	 * @return false if it was already used or replaced (a concurrent confirmation won)
	 */
	boolean consume(long userId, String tokenHash);

	/** Delete expired tokens. */
	int deleteExpired(Instant now);

	/**
	 * A stored reset token.
	 *
	 * @param tokenHash SHA-256 of the token
	 * @param passwordFingerprint SHA-256 of the password hash it was issued against
	 * @param expiresAt when it stops working
	 */
	record StoredResetToken(String tokenHash, String passwordFingerprint, Instant expiresAt) {

	}

}
