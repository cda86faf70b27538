package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CryptHasherTests {

	/** From vectors.json (Django 3.2, glibc crypt): DES only reads the first 8 bytes. */
	private static final String DJANGO_CRYPT = "crypt$$cY9hgvzAoK7bU";

	private final CryptHasher hasher = new CryptHasher();

	@Test
	void matchesWhenDjangoCryptHashThenOnlyFirstEightBytesCount() {
		assertThat(hasher.matches("crypt-pw", DJANGO_CRYPT)).isTrue();
		assertThat(hasher.matches("crypt-pw and more", DJANGO_CRYPT)).isTrue();
		assertThat(hasher.matches("crypt-pX", DJANGO_CRYPT)).isFalse();
	}

	@Test
	void matchesWhenStoredSaltFieldSetThenIgnoredLikeDjango() {
		assertThat(hasher.matches("crypt-pw", "crypt$cY$cY9hgvzAoK7bU")).isTrue();
	}

	@Test
	void matchesWhenPasswordContainsNulThenFalse() {
		assertThat(hasher.matches("crypt-pw\0", DJANGO_CRYPT)).isFalse();
	}

	@Test
	void matchesWhenDataIsNotDesCryptThenLibraryRejectsIt() {
		// DjangoPasswordEncoder turns this into "no match".
		assertThatThrownBy(() -> hasher.matches("crypt-pw", "crypt$$$1$abc$def"))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
