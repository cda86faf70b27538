package dev.latchkey.password;

import java.security.SecureRandom;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A Spring Security {@link PasswordEncoder} that reads and writes Django's
 * {@code auth_user.password} column.
 *
 * <p>{@link #matches} accepts every format Django 3.2's {@code check_password} accepts with all
 * of its built-in hashers enabled (PBKDF2-SHA256/SHA1, Argon2, bcrypt-SHA256, bcrypt, salted and
 * unsalted SHA-1/MD5, DES crypt). {@link #encode} always writes Django's Argon2id format with the
 * configured {@link Argon2Parameters}, and {@link #upgradeEncoding} asks for a re-hash of anything
 * else, mirroring Django's {@code must_update}. Malformed or unusable stored values never match
 * and never throw.
 */
public final class DjangoPasswordEncoder implements PasswordEncoder, PasswordHasher {

	private static final String UNUSABLE_PASSWORD_PREFIX = "!";
	private static final String WARM_UP_PASSWORD = "warm-up password";
	private static final String SALT_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	// Django's salt length: 22 alphanumerics carry ~131 bits, at least the 128 Django asks for.
	private static final int SALT_LENGTH = 22;

	private final Argon2Hasher argon2;
	private final DjangoHashers hashers;
	private final SecureRandom random = new SecureRandom();

	/** @param current Argon2id cost of new hashes; stored hashes with other costs are upgraded */
	public DjangoPasswordEncoder(Argon2Parameters current) {
		if (current == null) {
			throw new IllegalArgumentException("Argon2 parameters are required");
		}
		this.argon2 = new Argon2Hasher(current);
		this.hashers = new DjangoHashers(argon2);
	}

	/**
	 * Django's {@code make_password(raw)} with the Argon2 hasher: a new Argon2id hash with a fresh
	 * salt, e.g. {@code argon2$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}.
	 *
	 * @return the encoded hash, or null when {@code raw} is null (Spring's contract)
	 * @throws IllegalArgumentException if {@code raw} contains unpaired surrogates
	 */
	@Override
	public String encode(CharSequence raw) {
		return raw == null ? null : argon2.encode(raw, newSalt());
	}

	/**
	 * Django's {@code check_password(raw, encoded)}; false for null, empty, unusable or malformed
	 * values. A value no hasher can check (unusable, empty, unknown algorithm) still costs one hash at
	 * the current parameters, so its timing does not tell it apart (Django's CVE-2024-39329 fix).
	 */
	@Override
	public boolean matches(CharSequence raw, String encoded) {
		Optional<DjangoHasher> hasher = (raw != null && isUsable(encoded)) ? hashers.identify(encoded) : Optional.empty();
		if (hasher.isEmpty()) {
			hashDummy(raw);
			return false;
		}
		try {
			return hasher.get().matches(raw, encoded);
		} catch (RuntimeException malformed) {
			// Fail closed: a stored value the libraries reject (bad salt, base64, cost...) is no match.
			return false;
		}
	}

	/**
	 * True when {@code encoded} is usable but not an Argon2id (v=19) hash with exactly the current
	 * memory, iterations, parallelism and a 32-byte output; unusable values are never upgraded.
	 */
	@Override
	public boolean upgradeEncoding(String encoded) {
		if (!isUsable(encoded)) {
			return false;
		}
		return hashers.identify(encoded).map(hasher -> hasher.needsUpgrade(encoded)).orElse(true);
	}

	/**
	 * Spends the time of one Argon2id hash at the current parameters and discards the result, so a
	 * login for an unknown username costs as much as one for a known user (Django's
	 * {@code ModelBackend} does the same with {@code make_password}).
	 */
	@Override
	public void hashDummy(CharSequence raw) {
		try {
			argon2.encode(raw == null ? "" : raw, newSalt());
		} catch (IllegalArgumentException notUnicode) {
			// matches() rejects such a password just as quickly, before hashing, so timing stays equal.
		}
	}

	/**
	 * One hash of each costly kind a login meets: Argon2id at the current parameters (new users),
	 * PBKDF2-SHA256 and bcrypt-SHA256 at low costs (users imported from Django; the JIT compiles
	 * the same code whatever the cost). The stored values are well-formed and match nothing.
	 */
	@Override
	public void warmUp() {
		hashDummy(WARM_UP_PASSWORD);
		matches(WARM_UP_PASSWORD, "pbkdf2_sha256$20000$warmUpSaltOfLength22$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
		matches(WARM_UP_PASSWORD, "bcrypt_sha256$$2b$04$abcdefghijklmnopqrstuu0123456789012345678901234567890");
	}

	/**
	 * False for null, empty and Django's unusable passwords ({@code set_unusable_password()} writes
	 * {@code "!"} plus random text). Unlike Django's {@code is_password_usable}, null is not usable.
	 */
	public static boolean isUsable(String encoded) {
		return encoded != null && !encoded.isEmpty() && !encoded.startsWith(UNUSABLE_PASSWORD_PREFIX);
	}

	/** Django's {@code get_random_string(22)}. */
	private String newSalt() {
		StringBuilder salt = new StringBuilder(SALT_LENGTH);
		for (int i = 0; i < SALT_LENGTH; i++) {
			salt.append(SALT_ALPHABET.charAt(random.nextInt(SALT_ALPHABET.length())));
		}
		return salt.toString();
	}
}
