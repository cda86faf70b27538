package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinimumLengthValidatorTests {

	private final MinimumLengthValidator validator = new MinimumLengthValidator();

	@Test
	void validateWhenShorterThanEightThenDjangoMessage() {
		assertThat(validator.validate("xK9#qT", null))
				.containsExactly("This password is too short. It must contain at least 8 characters.");
	}

	@Test
	void validateWhenEightCharactersThenNoViolation() {
		assertThat(validator.validate("xK9#qT!z", null)).isEmpty();
	}

	@Test
	void validateWhenAstralCharactersThenCountsCodePoints() {
		// Seven emoji are 14 UTF-16 units but 7 Python characters.
		assertThat(validator.validate("\uD83D\uDD11".repeat(7), null)).hasSize(1);
		assertThat(validator.validate("\uD83D\uDD11".repeat(8), null)).isEmpty();
	}

	@Test
	void validateWhenMinimumIsOneThenSingularMessage() {
		assertThat(new MinimumLengthValidator(1).validate("", null))
				.containsExactly("This password is too short. It must contain at least 1 character.");
		assertThat(new MinimumLengthValidator(12).validate("short", null))
				.containsExactly("This password is too short. It must contain at least 12 characters.");
	}

	@Test
	void constructorWhenNegativeThenRejected() {
		assertThatThrownBy(() -> new MinimumLengthValidator(-1)).isInstanceOf(IllegalArgumentException.class);
	}
}
