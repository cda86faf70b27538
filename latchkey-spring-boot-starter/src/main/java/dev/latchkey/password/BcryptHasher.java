package dev.latchkey.password;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Django's {@code BCryptSHA256PasswordHasher} ({@code bcrypt_sha256$$2b$...}, bcrypt of the
 * lowercase hex SHA-256 of the password) and {@code BCryptPasswordHasher}
 * ({@code bcrypt$$2b$...}, bcrypt of the password itself).
 *
 * <p>Plain bcrypt only ever sees the first 72 bytes of the password, as with the Python
 * {@code bcrypt} package Django 3.2 used; Spring's {@link BCrypt} refuses longer input, so it is
 * truncated here. Passwords containing NUL are refused, as Python {@code bcrypt} does.
 */
final class BcryptHasher implements DjangoHasher {

	private static final int BCRYPT_MAX_PASSWORD_BYTES = 72;
	/** The variants Python's bcrypt accepts; Spring would also take the buggy "$2x$". */
	private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}");

	private final String algorithm;
	private final boolean sha256Prehash;

	private BcryptHasher(String algorithm, boolean sha256Prehash) {
		this.algorithm = algorithm;
		this.sha256Prehash = sha256Prehash;
	}

	static BcryptHasher sha256() {
		return new BcryptHasher("bcrypt_sha256", true);
	}

	static BcryptHasher plain() {
		return new BcryptHasher("bcrypt", false);
	}

	@Override
	public String algorithm() {
		return algorithm;
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		String prefix = algorithm + "$";
		if (!encoded.startsWith(prefix) || !BCRYPT_HASH.matcher(encoded.substring(prefix.length())).matches()) {
			return false;
		}
		byte[] password = PasswordBytes.utf8(raw);
		if (sha256Prehash) {
			password = PasswordBytes.hexDigest("SHA-256", password).getBytes(StandardCharsets.US_ASCII);
		} else if (PasswordBytes.containsNul(password)) {
			return false;
		} else if (password.length > BCRYPT_MAX_PASSWORD_BYTES) {
			password = Arrays.copyOf(password, BCRYPT_MAX_PASSWORD_BYTES);
		}
		// Like Django: hash again with the stored salt and compare the complete strings.
		String expected = prefix + BCrypt.hashpw(password, encoded.substring(prefix.length()));
		return PasswordBytes.constantTimeEquals(encoded, expected);
	}

	@Override
	public boolean needsUpgrade(String encoded) {
		return true;
	}
}
