package dev.latchkey.password;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Django's {@code PBKDF2PasswordHasher} ({@code pbkdf2_sha256}) and
 * {@code PBKDF2SHA1PasswordHasher} ({@code pbkdf2_sha1}):
 * {@code <algorithm>$<iterations>$<salt>$<base64 of the derived key>}, the key being as long as
 * the HMAC digest and the salt string's UTF-8 bytes being the PBKDF2 salt.
 *
 * <p>Like Django's {@code verify}, it re-encodes with the stored salt and iteration count and
 * compares the whole string, so non-canonical spellings of a hash never match.
 */
final class Pbkdf2Hasher implements DjangoHasher {

	private static final Pattern ITERATIONS = Pattern.compile("[0-9]{1,9}");

	private final String algorithm;
	private final String jdkAlgorithm;
	private final int keyLengthBits;

	private Pbkdf2Hasher(String algorithm, String jdkAlgorithm, int keyLengthBits) {
		this.algorithm = algorithm;
		this.jdkAlgorithm = jdkAlgorithm;
		this.keyLengthBits = keyLengthBits;
	}

	static Pbkdf2Hasher sha256() {
		return new Pbkdf2Hasher("pbkdf2_sha256", "PBKDF2WithHmacSHA256", 256);
	}

	static Pbkdf2Hasher sha1() {
		return new Pbkdf2Hasher("pbkdf2_sha1", "PBKDF2WithHmacSHA1", 160);
	}

	@Override
	public String algorithm() {
		return algorithm;
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		String[] parts = encoded.split("\\$", 4);
		if (parts.length != 4 || !parts[0].equals(algorithm) || !ITERATIONS.matcher(parts[1]).matches()
				|| parts[2].isEmpty()) {
			return false;
		}
		int iterations = Integer.parseInt(parts[1]);
		String salt = parts[2];
		byte[] key = derive(raw, salt.getBytes(StandardCharsets.UTF_8), iterations);
		String expected = algorithm + "$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(key);
		return PasswordBytes.constantTimeEquals(encoded, expected);
	}

	@Override
	public boolean needsUpgrade(String encoded) {
		return true;
	}

	private byte[] derive(CharSequence raw, byte[] salt, int iterations) {
		// The JDK encodes the char[] as UTF-8 itself; utf8() only rejects what Python would reject.
		PasswordBytes.utf8(raw);
		PBEKeySpec spec = new PBEKeySpec(raw.toString().toCharArray(), salt, iterations, keyLengthBits);
		try {
			return SecretKeyFactory.getInstance(jdkAlgorithm).generateSecret(spec).getEncoded();
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JDK must provide " + jdkAlgorithm, e);
		} catch (InvalidKeySpecException e) {
			throw new IllegalArgumentException("unusable PBKDF2 parameters", e);
		} finally {
			spec.clearPassword();
		}
	}
}
