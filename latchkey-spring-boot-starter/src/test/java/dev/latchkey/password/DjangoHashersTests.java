package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DjangoHashersTests {

	private final DjangoHashers hashers = new DjangoHashers(new Argon2Hasher(Argon2Parameters.defaults()));

	/** The cases of Django's identify_hasher(encoded). */
	@ParameterizedTest
	@CsvSource({
		"33e1b232a4e6fa0028a6670753749a17, unsalted_md5",
		"md5$$33e1b232a4e6fa0028a6670753749a17, unsalted_md5",
		"sha1$$fef341f85d87439e7d91a2d465b9871ef66b5e98, unsalted_sha1",
		"sha1$$fef341f85d87439e7d91a2d465b9871ef66b5e9, sha1",
		"md5$$33e1b232a4e6fa0028a6670753749a1, md5",
		"md5$NaCl$d40dad98debde38374e826623b99b36f, md5",
		"pbkdf2_sha256$1$s$h, pbkdf2_sha256",
		"pbkdf2_sha1$1$s$h, pbkdf2_sha1",
		"argon2$argon2id$x, argon2",
		"bcrypt_sha256$$2b$x, bcrypt_sha256",
		"bcrypt$$2b$x, bcrypt",
		"crypt$$x, crypt",
		"crypt, crypt"
	})
	void identifyWhenKnownShapeThenDjangosHasher(String encoded, String algorithm) {
		assertThat(hashers.identify(encoded)).get().extracting(DjangoHasher::algorithm).isEqualTo(algorithm);
	}

	@ParameterizedTest
	@CsvSource({"33e1b232a4e6fa0028a6670753749a1", "unsalted_md5$$x", "scrypt$x", "$pbkdf2_sha256$1$s$h", "Argon2$x"})
	void identifyWhenUnknownThenEmpty(String encoded) {
		assertThat(hashers.identify(encoded)).isEmpty();
	}
}
