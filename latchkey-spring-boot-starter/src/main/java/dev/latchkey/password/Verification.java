package dev.latchkey.password;

/**
 * The outcome of checking a password against a stored hash, with the new hash to store when the
 * stored one is weaker than the current setting (Django's {@code check_password} with its
 * {@code setter}).
 *
 * @param matched whether the password matched
 * @param upgradedHash the password hashed at the current parameters, when it matched and the
 * stored hash must be replaced; otherwise null
 */
public record Verification(boolean matched, String upgradedHash) {

	/** The password did not match. */
	public static final Verification FAILED = new Verification(false, null);

	/** The password matched and the stored hash is current. */
	public static final Verification MATCHED = new Verification(true, null);

	/** Whether the stored hash must be replaced by {@link #upgradedHash()}. */
	public boolean upgraded() {
		return this.upgradedHash != null;
	}

}
