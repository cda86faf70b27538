package dev.latchkey.password;

/**
 * One family of Django password hashers ({@code django.contrib.auth.hashers}), identified by the
 * {@code algorithm} prefix of the stored {@code "<algorithm>$..."} string.
 *
 * <p>Implementations assume {@link DjangoHashers} routed a string with their prefix to them. They
 * may throw {@link IllegalArgumentException} on malformed input; {@link DjangoPasswordEncoder}
 * treats any such failure as "does not match".
 */
interface DjangoHasher {

	/** Django's {@code algorithm} attribute, e.g. {@code "pbkdf2_sha256"}. */
	String algorithm();

	/** Django's {@code verify(password, encoded)}. */
	boolean matches(CharSequence raw, String encoded);

	/** True when a successful login should re-hash the password with the current Argon2id settings. */
	boolean needsUpgrade(String encoded);
}
