package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class DjangoPasswordEncoderTests {

	private static final String PASSWORD = "correct horse battery staple";
	/** Cheap parameters keep round-trip tests fast; vectors carry their own parameters. */
	private static final Argon2Parameters CHEAP = new Argon2Parameters(1024, 1, 1);

	private final DjangoPasswordEncoder encoder = new DjangoPasswordEncoder(Argon2Parameters.defaults());
	private final DjangoPasswordEncoder cheapEncoder = new DjangoPasswordEncoder(CHEAP);

	/** Every candidate of every Django 3.2 vector in vectors.json, with Django's verdict. */
	static Stream<Arguments> djangoChecks() {
		List<Arguments> checks = new ArrayList<>();
		for (JsonNode vector : ReferenceData.read("vectors.json").get("passwords").get("vectors")) {
			for (JsonNode check : vector.get("checks")) {
				checks.add(Arguments.of(vector.get("label").asString(), vector.get("encoded").asString(),
						check.get("candidate").asString(), check.get("check_password").asBoolean()));
			}
		}
		return checks.stream();
	}

	static Stream<String> djangoHashes() {
		return ReferenceData.read("vectors.json").get("passwords").get("vectors").values().stream()
				.filter(vector -> vector.has("algorithm"))
				.map(vector -> vector.get("encoded").asString());
	}

	@ParameterizedTest(name = "{0}: {2} -> {3}")
	@MethodSource("djangoChecks")
	void matchesWhenDjangoVectorThenAgreesWithCheckPassword(String label, String encoded, String candidate,
			boolean djangoVerdict) {
		assertThat(encoder.matches(candidate, encoded)).as(label).isEqualTo(djangoVerdict);
	}

	@Test
	void djangoVectorsWhenLoadedThenCoverEveryHasherFamily() {
		assertThat(djangoChecks()).hasSizeGreaterThan(60);
		assertThat(djangoHashes().map(h -> h.contains("$") ? h.substring(0, h.indexOf('$')) : "bare"))
				.contains("pbkdf2_sha256", "pbkdf2_sha1", "argon2", "bcrypt_sha256", "bcrypt", "sha1", "md5", "crypt",
						"bare");
	}

	@ParameterizedTest
	@MethodSource("djangoHashes")
	void upgradeEncodingWhenDjangoVectorHashThenTrue(String encoded) {
		assertThat(encoder.upgradeEncoding(encoded)).isTrue();
	}

	@Test
	void encodeWhenCalledThenDjangoArgon2idFormatWithCurrentParameters() {
		String encoded = encoder.encode(PASSWORD);

		assertThat(encoded).matches("argon2\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{30}\\$[A-Za-z0-9+/]{43}");
		String salt = new String(Base64.getDecoder().decode(encoded.split("\\$")[4]), StandardCharsets.US_ASCII);
		assertThat(salt).matches("[a-zA-Z0-9]{22}");
	}

	@Test
	void encodeWhenCalledThenMatchesRoundTripAndNotUpgraded() {
		String encoded = encoder.encode(PASSWORD);

		assertThat(encoder.matches(PASSWORD, encoded)).isTrue();
		assertThat(encoder.matches(PASSWORD + " ", encoded)).isFalse();
		assertThat(encoder.upgradeEncoding(encoded)).isFalse();
	}

	@Test
	void encodeWhenCalledTwiceThenSaltsDiffer() {
		assertThat(cheapEncoder.encode(PASSWORD)).isNotEqualTo(cheapEncoder.encode(PASSWORD));
	}

	@Test
	void encodeWhenNonAsciiPasswordThenRoundTrips() {
		String password = "pässwörd-한글-🔑";
		String encoded = cheapEncoder.encode(password);

		assertThat(cheapEncoder.matches(password, encoded)).isTrue();
		assertThat(cheapEncoder.matches("pa\u0308sswo\u0308rd-한글-🔑", encoded)).isFalse();
	}

	@Test
	void encodeWhenNullThenNullAndWhenEmptyThenRoundTrips() {
		assertThat(cheapEncoder.encode(null)).isNull();
		assertThat(cheapEncoder.matches("", cheapEncoder.encode(""))).isTrue();
	}

	@Test
	void encodeWhenUnpairedSurrogateThenRejected() {
		assertThatThrownBy(() -> cheapEncoder.encode("ab\uD800c")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void upgradeEncodingWhenArgon2idWithOtherParametersThenTrue() {
		String encoded = cheapEncoder.encode(PASSWORD);

		assertThat(cheapEncoder.upgradeEncoding(encoded)).isFalse();
		assertThat(encoder.upgradeEncoding(encoded)).isTrue();
		assertThat(new DjangoPasswordEncoder(new Argon2Parameters(1024, 2, 1)).upgradeEncoding(encoded)).isTrue();
		assertThat(new DjangoPasswordEncoder(new Argon2Parameters(1024, 1, 2)).upgradeEncoding(encoded)).isTrue();
		assertThat(new DjangoPasswordEncoder(new Argon2Parameters(2048, 1, 1)).upgradeEncoding(encoded)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = {"!", "!M61wN6BhdvbozU80mSio8ZDUoq0batxUgO9zhiiO"})
	void matchesWhenUnusableThenNeverMatchesAndNeverUpgrades(String encoded) {
		assertThat(encoder.matches("", encoded)).isFalse();
		assertThat(encoder.matches(encoded == null ? "x" : encoded, encoded)).isFalse();
		assertThat(encoder.upgradeEncoding(encoded)).isFalse();
		assertThat(DjangoPasswordEncoder.isUsable(encoded)).isFalse();
	}

	@Test
	void isUsableWhenDjangoHashThenTrue() {
		assertThat(djangoHashes()).allMatch(DjangoPasswordEncoder::isUsable);
	}

	@Test
	void matchesWhenRawNullThenFalse() {
		assertThat(encoder.matches(null, "9cc2ae8a1ba7a93da39b46fc1019c481")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = {"$", "$$$", "argon2", "argon2$", "argon2$argon2id$v=19$m=8,t=1,p=1$$",
		"argon2$argon2id$v=19$m=99999999999,t=1,p=1$c29tZXNhbHQ$AAAAAAAA", "argon2$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$AAAAAAAA",
		"argon2$argon2id$v=18$m=64,t=1,p=1$c29tZXNhbHQ$AAAAAAAA", "argon2$argon2x$v=19$m=64,t=1,p=1$c29tZXNhbHQ$AAAAAAAA",
		"argon2$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$A", "argon2$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHQ$AAAAAAAA",
		"argon2$argon2id$v=19$m=7,t=1,p=1$c29tZXNhbHQ$AAAAAAAA", "argon2$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ=$AAAAAAAA",
		"pbkdf2_sha256", "pbkdf2_sha256$", "pbkdf2_sha256$abc$salt$hash", "pbkdf2_sha256$0$salt$hash",
		"pbkdf2_sha256$-1$salt$hash", "pbkdf2_sha256$99999999999$salt$hash", "pbkdf2_sha256$1$$hash",
		"bcrypt$", "bcrypt$$2b$", "bcrypt$$2b$12$short", "bcrypt$$2b$99$2VJ9QpZrc1yE6KliF2LzGOwFtKgJJgf1Mdl5wqqopgEOIFZ8Wjk4K",
		"bcrypt_sha256$$2x$12$2VJ9QpZrc1yE6KliF2LzGOwFtKgJJgf1Mdl5wqqopgEOIFZ8Wjk4K", "bcrypt_sha256$garbage",
		"sha1$", "sha1$$", "sha1$$abc", "md5$salt", "md5$$", "crypt", "crypt$$", "crypt$$!!zzzzzzzzzzz", "crypt$$$1$abc$def",
		"unknown$1$2$3", "9cc2ae8a1ba7a93da39b46fc1019c48", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑"})
	void matchesWhenMalformedThenFalseWithoutThrowing(String encoded) {
		assertThatCode(() -> assertThat(encoder.matches(PASSWORD, encoded)).isFalse()).doesNotThrowAnyException();
		assertThatCode(() -> encoder.upgradeEncoding(encoded)).doesNotThrowAnyException();
	}

	@Test
	void matchesWhenUnpairedSurrogateThenFalseWithoutThrowing() {
		assertThat(encoder.matches("\uDC00", "9cc2ae8a1ba7a93da39b46fc1019c481")).isFalse();
	}

	@Test
	void hashDummyWhenCalledThenCompletesForAnyInput() {
		assertThatCode(() -> {
			cheapEncoder.hashDummy(PASSWORD);
			cheapEncoder.hashDummy(null);
			cheapEncoder.hashDummy("\uD800");
		}).doesNotThrowAnyException();
	}

	@Test
	void constructorWhenParametersNullThenRejected() {
		assertThatThrownBy(() -> new DjangoPasswordEncoder(null)).isInstanceOf(IllegalArgumentException.class);
	}
}
