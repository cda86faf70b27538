package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected hashes computed with Python's hashlib.pbkdf2_hmac, exactly as Django encodes them. */
class Pbkdf2HasherTests {

	private static final String SHA256 = "pbkdf2_sha256$1000$NaCl$Imh763JHpNtotacn8DcAwY+kYUnmnd4ansM++FZKFSs=";
	private static final String SHA1 = "pbkdf2_sha1$1000$NaCl$5n6k/Wv/4sCzSOFtLzl4ZCCv+3o=";

	@Test
	void matchesWhenPythonComputedHashThenTrueOnlyForThePassword() {
		assertThat(Pbkdf2Hasher.sha256().matches("s3cret", SHA256)).isTrue();
		assertThat(Pbkdf2Hasher.sha256().matches("s3creT", SHA256)).isFalse();
		assertThat(Pbkdf2Hasher.sha1().matches("s3cret", SHA1)).isTrue();
		assertThat(Pbkdf2Hasher.sha1().matches("s3cret ", SHA1)).isFalse();
	}

	@Test
	void matchesWhenNonAsciiSaltThenSaltIsUtf8() {
		String hash = "pbkdf2_sha256$1000$s\u00e4lz$fonc04TeX5xzNK7G9DAsvt5UdFvBwhfzIw1iYNhsTaE=";

		assertThat(Pbkdf2Hasher.sha256().matches("s3cret", hash)).isTrue();
	}

	@Test
	void matchesWhenOtherAlgorithmsPrefixThenFalse() {
		assertThat(Pbkdf2Hasher.sha1().matches("s3cret", SHA256)).isFalse();
		assertThat(Pbkdf2Hasher.sha256().matches("s3cret", SHA1)).isFalse();
	}

	@Test
	void matchesWhenHashSpelledNonCanonicallyThenFalseLikeDjangosReencodeAndCompare() {
		assertThat(Pbkdf2Hasher.sha256().matches("s3cret", SHA256.replace("$1000$", "$01000$"))).isFalse();
		assertThat(Pbkdf2Hasher.sha256().matches("s3cret", SHA256.replace("=", ""))).isFalse();
		assertThat(Pbkdf2Hasher.sha256().matches("s3cret", SHA256 + "$")).isFalse();
	}

	@Test
	void needsUpgradeWhenAnyPbkdf2HashThenTrue() {
		assertThat(Pbkdf2Hasher.sha256().needsUpgrade(SHA256)).isTrue();
		assertThat(Pbkdf2Hasher.sha1().needsUpgrade(SHA1)).isTrue();
	}
}
