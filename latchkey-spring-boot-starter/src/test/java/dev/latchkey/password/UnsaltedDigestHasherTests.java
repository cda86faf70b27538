package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected digests computed with Python's hashlib. */
class UnsaltedDigestHasherTests {

	@Test
	void matchesWhenMd5BareOrPrefixedThenTrue() {
		assertThat(UnsaltedDigestHasher.md5().matches("s3cret", "33e1b232a4e6fa0028a6670753749a17")).isTrue();
		assertThat(UnsaltedDigestHasher.md5().matches("s3cret", "md5$$33e1b232a4e6fa0028a6670753749a17")).isTrue();
		assertThat(UnsaltedDigestHasher.md5().matches("s3cre", "33e1b232a4e6fa0028a6670753749a17")).isFalse();
	}

	@Test
	void matchesWhenSha1PrefixedThenTrue() {
		assertThat(UnsaltedDigestHasher.sha1().matches("s3cret", "sha1$$fef341f85d87439e7d91a2d465b9871ef66b5e98"))
				.isTrue();
		assertThat(UnsaltedDigestHasher.sha1().matches("s3cret", "sha1$$FEF341F85D87439E7D91A2D465B9871EF66B5E98"))
				.isFalse();
	}
}
