package dev.latchkey.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets sent by mail (reset tokens, verification keys): 256 random bits, URL-safe. Only
 * their SHA-256 is stored, and a presented one is compared with it in constant time.
 */
public final class SecretTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SecretTokens() {
	}

	/** A new URL-safe token of 256 random bits. */
	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The SHA-256 of a value, hex: what is stored instead of the token. */
	public static String hash(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether {@code presented} hashes to {@code storedHash}, in time independent of where they differ. */
	public static boolean matches(String presented, String storedHash) {
		return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}
