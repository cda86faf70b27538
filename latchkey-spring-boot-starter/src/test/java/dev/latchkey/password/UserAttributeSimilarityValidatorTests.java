package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserAttributeSimilarityValidatorTests {

	private final UserAttributeSimilarityValidator validator = new UserAttributeSimilarityValidator();

	@Test
	void validateWhenSimilarToUsernameThenDjangoMessage() {
		assertThat(validator.validate("bobsmith77x", new PasswordOwner("bobsmith77", null, null)))
				.containsExactly("The password is too similar to the username.");
	}

	@Test
	void validateWhenSimilarToPartOfEmailThenEmailAddressVerboseName() {
		assertThat(validator.validate("examplecom", new PasswordOwner(null, null, "bob.smith@example.com")))
				.containsExactly("The password is too similar to the email address.");
	}

	@Test
	void validateWhenSimilarToNameThenNameVerboseName() {
		assertThat(validator.validate("smithers-x", new PasswordOwner(null, "Bob Smithers", null)))
				.containsExactly("The password is too similar to the name.");
	}

	@Test
	void validateWhenSimilarToSeveralAttributesThenOnlyFirstReportedLikeDjango() {
		assertThat(validator.validate("alice", new PasswordOwner("alice", "Alice", "alice@example.com")))
				.containsExactly("The password is too similar to the username.");
	}

	@Test
	void validateWhenNoOwnerOrDissimilarThenNoViolation() {
		assertThat(validator.validate("bobsmith77", null)).isEmpty();
		assertThat(validator.validate("quilting-mammoth-42", new PasswordOwner("alice", "Alice Liddell",
				"alice@example.com"))).isEmpty();
		assertThat(validator.validate("bobsmith77", new PasswordOwner(null, "", null))).isEmpty();
	}

	@Test
	void validateWhenEmptyPasswordAndTrailingSeparatorThenSimilarLikeDjango() {
		// re.split gives an empty part for "bob.", and SequenceMatcher("", "").quick_ratio() is 1.0.
		assertThat(validator.validate("", new PasswordOwner("bob.", null, null))).hasSize(1);
		assertThat(validator.validate("", new PasswordOwner("bob", null, null))).isEmpty();
	}

	@Test
	void constructorWhenMaxSimilarityBelowDjangosMinimumThenRejected() {
		assertThatThrownBy(() -> new UserAttributeSimilarityValidator(0.05)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new UserAttributeSimilarityValidator(Double.NaN))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void validateWhenStricterThresholdThenMoreSimilar() {
		PasswordOwner owner = new PasswordOwner("bob", "Bob Smith", "bob.smith@example.com");

		assertThat(new UserAttributeSimilarityValidator(0.4).validate("bob.smith@", owner))
				.containsExactly("The password is too similar to the username.");
	}
}
