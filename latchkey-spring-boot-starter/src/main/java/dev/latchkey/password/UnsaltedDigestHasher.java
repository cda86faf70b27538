package dev.latchkey.password;

/**
 * Django's legacy {@code UnsaltedSHA1PasswordHasher} ({@code sha1$$<40 hex>}) and
 * {@code UnsaltedMD5PasswordHasher} (a bare 32-character hex digest, or {@code md5$$<32 hex>}).
 * Verification only; these hashes are always upgraded on login.
 */
final class UnsaltedDigestHasher implements DjangoHasher {

	private final String algorithm;
	private final String jdkAlgorithm;
	private final String prefix;

	private UnsaltedDigestHasher(String algorithm, String jdkAlgorithm, String prefix) {
		this.algorithm = algorithm;
		this.jdkAlgorithm = jdkAlgorithm;
		this.prefix = prefix;
	}

	static UnsaltedDigestHasher sha1() {
		return new UnsaltedDigestHasher("unsalted_sha1", "SHA-1", "sha1$$");
	}

	static UnsaltedDigestHasher md5() {
		return new UnsaltedDigestHasher("unsalted_md5", "MD5", "md5$$");
	}

	@Override
	public String algorithm() {
		return algorithm;
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		// DjangoHashers only routes prefix-less strings here for MD5, matching Django's identify_hasher.
		String storedHex = encoded.startsWith(prefix) ? encoded.substring(prefix.length()) : encoded;
		String hex = PasswordBytes.hexDigest(jdkAlgorithm, PasswordBytes.utf8(raw));
		return PasswordBytes.constantTimeEquals(storedHex, hex);
	}

	@Override
	public boolean needsUpgrade(String encoded) {
		return true;
	}
}
