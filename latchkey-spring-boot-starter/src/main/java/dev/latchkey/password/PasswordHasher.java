package dev.latchkey.password;

import java.time.Duration;

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

	/**
	 * Checks {@code raw} against the stored hash and, when it matches and the stored hash is weaker
	 * than the current setting, hashes it again at the current parameters: one unit of work, so a
	 * pool admits (or refuses) it once.
	 */
	default Verification verify(CharSequence raw, String encoded) {
		if (!matches(raw, encoded)) {
			return Verification.FAILED;
		}
		return upgradeEncoding(encoded) ? new Verification(true, encode(raw)) : Verification.MATCHED;
	}

	/**
	 * Refuses at once, before any other work, a request whose hash would be refused if asked for
	 * now; costs next to nothing. Does nothing by default (every hash is admitted).
	 * @throws HashingBusyException when a hash asked for now would be refused
	 */
	default void checkAdmission() {
	}

	/**
	 * How long a failed password check should take at least, whatever the stored hash: a caller
	 * pads each failure to it by waiting (not hashing), so that the time of a failure tells neither
	 * whether the user exists nor how their password is stored. Zero by default.
	 */
	default Duration failureFloor() {
		return Duration.ZERO;
	}

	/**
	 * Runs each kind of hash this hasher knows a few times on the calling thread, so that the JIT
	 * has compiled them before the first real login. Does nothing by default.
	 */
	default void warmUp() {
	}

}
