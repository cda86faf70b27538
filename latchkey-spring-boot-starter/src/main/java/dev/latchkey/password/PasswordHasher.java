package dev.latchkey.password;

/**
 * What the rest of Latchkey needs of password hashing: Spring's {@code PasswordEncoder} trio
 * plus a dummy hash that equalises the timing of logins for unknown users.
 */
public interface PasswordHasher {

	/** A new hash of {@code raw} at the current parameters. */
	String encode(CharSequence raw);

	/** Whether {@code raw} matches the stored hash. */
	boolean matches(CharSequence raw, String encoded);

	/** Whether the stored hash is weaker than the current setting and should be replaced. */
	boolean upgradeEncoding(String encoded);

	/** Spend the time of one hash at the current parameters, for nothing. */
	void hashDummy(CharSequence raw);

}
