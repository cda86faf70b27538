package dev.latchkey.password;

import java.nio.charset.StandardCharsets;

/**
 * Django's legacy {@code SHA1PasswordHasher} and {@code MD5PasswordHasher}:
 * {@code <algorithm>$<salt>$<hex of H(salt + password)>}. Verification only; these hashes are
 * always upgraded on login.
 */
final class SaltedDigestHasher implements DjangoHasher {

	private final String algorithm;
	private final String jdkAlgorithm;

	private SaltedDigestHasher(String algorithm, String jdkAlgorithm) {
		this.algorithm = algorithm;
		this.jdkAlgorithm = jdkAlgorithm;
	}

	static SaltedDigestHasher sha1() {
		return new SaltedDigestHasher("sha1", "SHA-1");
	}

	static SaltedDigestHasher md5() {
		return new SaltedDigestHasher("md5", "MD5");
	}

	@Override
	public String algorithm() {
		return algorithm;
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		String[] parts = encoded.split("\\$", 3);
		// Django refuses to hash with an empty salt; "sha1$$..." of the unsalted length never gets here.
		if (parts.length != 3 || !parts[0].equals(algorithm) || parts[1].isEmpty()) {
			return false;
		}
		String salt = parts[1];
		String hex = PasswordBytes.hexDigest(jdkAlgorithm, PasswordBytes.utf8(salt + raw));
		return PasswordBytes.constantTimeEquals(encoded, algorithm + "$" + salt + "$" + hex);
	}

	@Override
	public boolean needsUpgrade(String encoded) {
		return true;
	}
}
