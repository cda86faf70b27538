package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class Argon2HasherTests {

	private static final String PASSWORD = "correct horse battery staple";

	private final Argon2Hasher hasher = new Argon2Hasher(Argon2Parameters.defaults());

	/** argon2i / argon2d / argon2id, versions 16 and 19, checked by Django 5.2's check_password. */
	static Stream<Arguments> djangoArgon2Checks() {
		List<Arguments> checks = new ArrayList<>();
		for (JsonNode vector : ReferenceData.read("password/argon2-vectors.json").get("vectors")) {
			for (JsonNode check : vector.get("checks")) {
				checks.add(Arguments.of(vector.get("encoded").asString(), check.get("candidate").asString(),
						check.get("check_password").asBoolean()));
			}
		}
		return checks.stream();
	}

	@ParameterizedTest(name = "{0}: {1} -> {2}")
	@MethodSource("djangoArgon2Checks")
	void matchesWhenDjangoArgon2VectorThenAgreesWithCheckPassword(String encoded, String candidate,
			boolean djangoVerdict) {
		assertThat(hasher.matches(candidate, encoded)).isEqualTo(djangoVerdict);
	}

	@Test
	void needsUpgradeWhenDjangoHashAtCurrentParametersThenFalse() {
		String madeByDjango = djangoHashWithCurrentDefaults();

		assertThat(hasher.matches(PASSWORD, madeByDjango)).isTrue();
		assertThat(hasher.needsUpgrade(madeByDjango)).isFalse();
	}

	@Test
	void needsUpgradeWhenOtherVarietyVersionOrHashLengthThenTrue() {
		String current = hasher.encode(PASSWORD, "abcdefghijABCDEFGHIJ01");

		assertThat(hasher.needsUpgrade(current)).isFalse();
		assertThat(hasher.needsUpgrade(current.replace("argon2id", "argon2i"))).isTrue();
		assertThat(hasher.needsUpgrade(current.replace("$v=19$", "$v=16$"))).isTrue();
		assertThat(hasher.needsUpgrade(current.substring(0, current.length() - 21))).isTrue();
	}

	@Test
	void encodeWhenSaltGivenThenDeterministicAndSaltIsAsciiBase64() {
		String encoded = hasher.encode(PASSWORD, "abcdefghijABCDEFGHIJ01");

		assertThat(encoded).startsWith("argon2$argon2id$v=19$m=19456,t=2,p=1$YWJjZGVmZ2hpakFCQ0RFRkdISUowMQ$")
				.isEqualTo(hasher.encode(PASSWORD, "abcdefghijABCDEFGHIJ01"));
	}

	@Test
	void matchesWhenSaltOrHashBelowLibargon2MinimumThenFalse() {
		// "c2FsdA" is the 4-byte salt "salt"; libargon2 requires at least 8 bytes.
		assertThat(hasher.matches(PASSWORD, "argon2$argon2id$v=19$m=64,t=1,p=1$c2FsdA$AAAAAAAAAAAAAAAAAAAAAA")).isFalse();
		assertThat(hasher.matches(PASSWORD, "argon2$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$AAAA")).isFalse();
	}

	private static String djangoHashWithCurrentDefaults() {
		for (JsonNode vector : ReferenceData.read("password/argon2-vectors.json").get("vectors")) {
			if (vector.path("made_with_current_defaults").asBoolean(false)) {
				return vector.get("encoded").asString();
			}
		}
		throw new IllegalStateException("argon2-vectors.json lacks the current-defaults hash");
	}
}
