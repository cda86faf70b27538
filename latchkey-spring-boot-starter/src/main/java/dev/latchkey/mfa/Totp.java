package dev.latchkey.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords on the JDK's HMAC (RFC 4226's dynamic truncation):
 * 30-second steps counted from the Unix epoch, 6 digits, HMAC-SHA-1 as every authenticator app
 * uses by default.
 */
public final class Totp {

	/** Seconds per time step (RFC 6238's X). */
	public static final long STEP_SECONDS = 30;

	/** Digits of a code. */
	public static final int DIGITS = 6;

	/** Steps either side of the current one whose code is still accepted (clock drift). */
	public static final int WINDOW = 1;

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private final String algorithm;

	private final int digits;

	/** SHA-1, 6 digits: what authenticator apps expect. */
	public Totp() {
		this("HmacSHA1", DIGITS);
	}

	/**
	 * @param algorithm the JCA HMAC name ({@code HmacSHA1}, {@code HmacSHA256}, {@code HmacSHA512})
	 * @param digits code length, 6 to 8
	 */
	public Totp(String algorithm, int digits) {
		if (digits < 6 || digits > 8) {
			throw new IllegalArgumentException("A TOTP code has 6 to 8 digits");
		}
		this.algorithm = algorithm;
		this.digits = digits;
	}

	/** The time step of an instant: {@code floor(unixSeconds / 30)}. */
	public static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/**
	 * The code of one time step, zero-padded to its digits.
	 * @param secret the shared secret
	 * @param step the time step
	 */
	public String code(byte[] secret, long step) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance(this.algorithm);
			mac.init(new SecretKeySpec(secret, this.algorithm));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		}
		catch (InvalidKeyException ex) {
			throw new IllegalArgumentException("Unusable TOTP secret", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(this.algorithm + " is not available", ex);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		String code = Integer.toString(binary % POWERS[this.digits]);
		return "0".repeat(this.digits - code.length()) + code;
	}

	/**
	 * The step, within {@link #WINDOW} of {@code now}'s, whose code the candidate is. Every step of
	 * the window is computed and compared in constant time, whichever matches.
	 * @param secret the shared secret
	 * @param candidate what the user typed (spaces already removed)
	 * @param now the current time
	 * @return the matching step, or empty
	 */
	public OptionalLong match(byte[] secret, String candidate, Instant now) {
		long current = step(now);
		byte[] typed = candidate.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		long matched = -1;
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			byte[] expected = code(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(expected, typed) && matched < 0) {
				matched = step;
			}
		}
		return (matched < 0) ? OptionalLong.empty() : OptionalLong.of(matched);
	}

}
