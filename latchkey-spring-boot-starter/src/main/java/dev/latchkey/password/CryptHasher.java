package dev.latchkey.password;

import org.apache.commons.codec.digest.UnixCrypt;

/**
 * Django's legacy {@code CryptPasswordHasher}: {@code crypt$<ignored salt>$<13-character DES crypt>},
 * verified as Python's {@code crypt.crypt(password, data) == data}. Only traditional DES crypt is
 * supported (the only kind Django itself writes), so only the first 8 password bytes count.
 */
final class CryptHasher implements DjangoHasher {

	@Override
	public String algorithm() {
		return "crypt";
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		String[] parts = encoded.split("\\$", 3);
		if (parts.length != 3 || !parts[0].equals(algorithm())) {
			return false;
		}
		byte[] password = PasswordBytes.utf8(raw);
		// Python's crypt module raises on NUL; C crypt() would silently stop at it.
		if (PasswordBytes.containsNul(password)) {
			return false;
		}
		String data = parts[2];
		return PasswordBytes.constantTimeEquals(data, UnixCrypt.crypt(password, data));
	}

	@Override
	public boolean needsUpgrade(String encoded) {
		return true;
	}
}
