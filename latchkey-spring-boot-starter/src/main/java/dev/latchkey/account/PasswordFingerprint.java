package dev.latchkey.account;

/**
 * A digest of a user's stored password hash: a reset token remembers it, so that any change of
 * password (a change, another reset, an import) invalidates the token, as Django's token
 * generator hashes the password into its tokens.
 */
final class PasswordFingerprint {

	private static final String PREFIX = "latchkey-password-fingerprint:";

	private PasswordFingerprint() {
	}

	static String of(String passwordHash) {
		return SecretTokens.hash(PREFIX + passwordHash);
	}

	static boolean matches(String passwordHash, String fingerprint) {
		return SecretTokens.matches(PREFIX + passwordHash, fingerprint);
	}

}
