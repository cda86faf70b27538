package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cost-4 hashes made with Python's bcrypt package the way Django's hashers call it. */
class BcryptHasherTests {

	private static final String BCRYPT_2B = "bcrypt$$2b$04$NeWs3YF3a8yHx9FgB3XidOHevGK0CoIHNsleZHcutKe61nJedG8UC";
	private static final String BCRYPT_2A = "bcrypt$$2a$04$RQRHqyEK/jDelWatTiPI6OP1iLy6Th9SxpuqfX0viIdnkfTwbNjo.";
	private static final String BCRYPT_2Y = "bcrypt$$2y$04$NeWs3YF3a8yHx9FgB3XidOHevGK0CoIHNsleZHcutKe61nJedG8UC";
	private static final String BCRYPT_SHA256 =
			"bcrypt_sha256$$2b$04$HFvTlanVoTqunNx2QS.ofODiAwQ1iu0ejN6Ve05rD37zNVAcL1ii6";

	@Test
	void matchesWhenPythonBcryptHashThenTrueOnlyForThePassword() {
		assertThat(BcryptHasher.plain().matches("s3cret", BCRYPT_2B)).isTrue();
		assertThat(BcryptHasher.plain().matches("s3cret", BCRYPT_2A)).isTrue();
		assertThat(BcryptHasher.plain().matches("s3cret", BCRYPT_2Y)).isTrue();
		assertThat(BcryptHasher.plain().matches("s3creT", BCRYPT_2B)).isFalse();
		assertThat(BcryptHasher.sha256().matches("s3cret", BCRYPT_SHA256)).isTrue();
		assertThat(BcryptHasher.sha256().matches("s3cre", BCRYPT_SHA256)).isFalse();
	}

	@Test
	void matchesWhenHashBelongsToTheOtherVariantThenFalse() {
		assertThat(BcryptHasher.sha256().matches("s3cret", BCRYPT_2B)).isFalse();
		assertThat(BcryptHasher.plain().matches("s3cret", BCRYPT_SHA256)).isFalse();
		assertThat(BcryptHasher.plain().matches("s3cret", "bcrypt_sha256" + BCRYPT_2B.substring(6))).isFalse();
	}

	@Test
	void matchesWhenPasswordContainsNulThenFalseLikePythonBcrypt() {
		assertThat(BcryptHasher.plain().matches("s3cret\0", BCRYPT_2B)).isFalse();
	}

	@Test
	void matchesWhenCryptBlowfishBugVariant2xThenFalseLikeDjango32sBcrypt() {
		// bcrypt 3.x (Django 3.2's era) rejects "$2x$"; Spring would emulate the sign-extension bug instead.
		assertThat(BcryptHasher.plain().matches("s3cret", BCRYPT_2B.replace("$2b$", "$2x$"))).isFalse();
	}

	@Test
	void matchesWhenStoredHashTamperedThenFalse() {
		assertThat(BcryptHasher.plain().matches("s3cret", BCRYPT_2B.substring(0, BCRYPT_2B.length() - 1) + "D"))
				.isFalse();
	}
}
