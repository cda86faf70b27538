package dev.latchkey.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Byte-level helpers shared by the hashers: Python's {@code str.encode()} (strict UTF-8),
 * Django's {@code constant_time_compare} and {@code hashlib} hex digests.
 */
final class PasswordBytes {

	private PasswordBytes() {
	}

	/**
	 * UTF-8 bytes of {@code raw}, rejecting unpaired surrogates like Python's {@code str.encode()}
	 * does; Java's lenient {@code getBytes} would turn them into {@code '?'} and let two different
	 * passwords share a hash.
	 */
	static byte[] utf8(CharSequence raw) {
		try {
			ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.encode(CharBuffer.wrap(raw));
			return Arrays.copyOfRange(encoded.array(), encoded.arrayOffset(), encoded.arrayOffset() + encoded.limit());
		} catch (CharacterCodingException e) {
			throw new IllegalArgumentException("password is not valid Unicode", e);
		}
	}

	/** Django's {@code constant_time_compare(a, b)}. */
	static boolean constantTimeEquals(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	/** Python's {@code hashlib.new(algorithm, data).hexdigest()} (lowercase hex). */
	static String hexDigest(String jdkAlgorithm, byte[] data) {
		return HexFormat.of().formatHex(digest(jdkAlgorithm, data));
	}

	static byte[] digest(String jdkAlgorithm, byte[] data) {
		try {
			return MessageDigest.getInstance(jdkAlgorithm).digest(data);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JDK must provide " + jdkAlgorithm, e);
		}
	}

	static boolean containsNul(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}
}
