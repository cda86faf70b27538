package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumericPasswordValidatorTests {

	private final NumericPasswordValidator validator = new NumericPasswordValidator();

	@Test
	void validateWhenEntirelyNumericThenDjangoMessage() {
		assertThat(validator.validate("83920174652", null)).containsExactly("This password is entirely numeric.");
		assertThat(validator.validate("\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", null)).hasSize(1);
	}

	@Test
	void validateWhenNotEntirelyNumericOrEmptyThenNoViolation() {
		assertThat(validator.validate("8392017465a", null)).isEmpty();
		assertThat(validator.validate(" 83920174652", null)).isEmpty();
		assertThat(validator.validate("", null)).isEmpty();
	}
}
