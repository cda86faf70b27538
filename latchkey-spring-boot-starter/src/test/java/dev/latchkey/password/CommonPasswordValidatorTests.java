package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonPasswordValidatorTests {

	private final CommonPasswordValidator validator = new CommonPasswordValidator();

	@Test
	void validateWhenInDjangosListThenDjangoMessage() {
		assertThat(validator.validate("password1", null)).containsExactly("This password is too common.");
		assertThat(validator.validate("1234", null)).containsExactly("This password is too common.");
	}

	@Test
	void validateWhenDifferentCaseOrSurroundingSpaceThenStillCommon() {
		assertThat(validator.validate("PassWord1", null)).hasSize(1);
		assertThat(validator.validate(" \tpassword1\u00a0 ", null)).hasSize(1);
	}

	@Test
	void validateWhenUncommonThenNoViolation() {
		assertThat(validator.validate("correct horse battery staple", null)).isEmpty();
		assertThat(validator.validate("pass word1", null)).isEmpty();
	}
}
