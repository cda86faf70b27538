package dev.latchkey.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * allauth's {@code EmailAddress}: the addresses of each user, whether each is verified, and the
 * hash of the pending verification key.
 */
public interface EmailAddresses {

	/**
	 * Give (user, email) a new pending key, replacing any earlier one; a verified address stays verified.
	 * @return the address's id
	 */
	long saveKey(long userId, String email, String keyHash, Instant expiresAt, Instant now);

	Optional<StoredAddress> findById(long id);

	/** @return false if the key was used or replaced meanwhile */
	boolean markVerified(long id, String keyHash);

	boolean isVerified(long userId, String email);

	/** The unverified addresses equal to {@code email}, ignoring case. */
	List<StoredAddress> findUnverified(String email);

	/**
	 * A stored address.
	 *
	 * @param id row id
	 * @param userId whose it is
	 * @param email the address
	 * @param verified whether it was verified
	 * @param keyHash SHA-256 of its pending key, {@code null} if none
	 * @param expiresAt when that key stops working, {@code null} if none
	 */
	record StoredAddress(long id, long userId, String email, boolean verified, String keyHash, Instant expiresAt) {

	}

}
