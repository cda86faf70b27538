package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected digests computed with Python's hashlib: hex(H(salt + password)). */
class SaltedDigestHasherTests {

	@Test
	void matchesWhenPythonComputedHashThenTrueOnlyForThePassword() {
		assertThat(SaltedDigestHasher.sha1().matches("s3cret", "sha1$NaCl$58a884890cbd280956cc1651e67f08289140ddef"))
				.isTrue();
		assertThat(SaltedDigestHasher.md5().matches("s3cret", "md5$NaCl$d40dad98debde38374e826623b99b36f")).isTrue();
		assertThat(SaltedDigestHasher.md5().matches("s3creT", "md5$NaCl$d40dad98debde38374e826623b99b36f")).isFalse();
	}

	@Test
	void matchesWhenHexIsUppercaseThenFalseLikeDjangosStringCompare() {
		assertThat(SaltedDigestHasher.md5().matches("s3cret", "md5$NaCl$D40DAD98DEBDE38374E826623B99B36F")).isFalse();
	}

	@Test
	void matchesWhenSaltEmptyThenFalse() {
		assertThat(SaltedDigestHasher.sha1().matches("s3cret", "sha1$$fef341f85d87439e7d91a2d465b9871ef66b5e98X"))
				.isFalse();
	}
}
