package dev.latchkey.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6238, Appendix B: the published test vectors through Latchkey's TOTP code ({@link Totp}),
 * and the window and constant-time matching that the second factor uses.
 */
class TotpTests {

	private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA512_SEED = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void sha1VectorsOfRfc6238(long unixSeconds, String expected) {
		long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

		assertThat(new Totp("HmacSHA1", 8).code(SHA1_SEED, step)).isEqualTo(expected);
		// What authenticator apps show: the same truncation, six digits.
		assertThat(new Totp().code(SHA1_SEED, step)).isEqualTo(expected.substring(2));
		assertThat(new Totp().match(SHA1_SEED, expected.substring(2), Instant.ofEpochSecond(unixSeconds)))
			.hasValue(step);
	}

	@ParameterizedTest
	@CsvSource({ "59, 46119246", "1111111109, 68084774", "1111111111, 67062674", "1234567890, 91819424",
			"2000000000, 90698825", "20000000000, 77737706" })
	void sha256VectorsOfRfc6238(long unixSeconds, String expected) {
		assertThat(new Totp("HmacSHA256", 8).code(SHA256_SEED, Totp.step(Instant.ofEpochSecond(unixSeconds))))
			.isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "59, 90693936", "1111111109, 25091201", "1111111111, 99943326", "1234567890, 93441116",
			"2000000000, 38618901", "20000000000, 47863826" })
	void sha512VectorsOfRfc6238(long unixSeconds, String expected) {
		assertThat(new Totp("HmacSHA512", 8).code(SHA512_SEED, Totp.step(Instant.ofEpochSecond(unixSeconds))))
			.isEqualTo(expected);
	}

	@Test
	void matchAcceptsOneStepEitherSideAndNoFurther() {
		Totp totp = new Totp();
		Instant now = Instant.ofEpochSecond(1_234_567_890);
		long step = Totp.step(now);

		assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, step - 1), now)).hasValue(step - 1);
		assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, step + 1), now)).hasValue(step + 1);
		assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, step - 2), now)).isEmpty();
		assertThat(totp.match(SHA1_SEED, totp.code(SHA1_SEED, step + 2), now)).isEmpty();
		assertThat(totp.match(SHA1_SEED, "", now)).isEmpty();
		assertThat(totp.match(SHA1_SEED, "12345", now)).isEmpty();
	}

	@Test
	void secretCipherRoundTripsAndBindsTheOwner() {
		SecretCipher cipher = new SecretCipher(new byte[32]);
		String sealed = cipher.encrypt(SHA1_SEED, 7);

		assertThat(sealed).startsWith("v1:").doesNotContain("12345678901234567890");
		assertThat(cipher.decrypt(sealed, 7)).isEqualTo(SHA1_SEED);
		assertThat(cipher.encrypt(SHA1_SEED, 7)).isNotEqualTo(sealed);
		org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(sealed, 8));
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> new SecretCipher(otherKey).decrypt(sealed, 7));
	}

}
