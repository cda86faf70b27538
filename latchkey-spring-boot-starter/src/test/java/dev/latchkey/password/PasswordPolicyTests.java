package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class PasswordPolicyTests {

	private static final String TOO_SHORT = "This password is too short. It must contain at least 8 characters.";
	private static final String TOO_COMMON = "This password is too common.";
	private static final String NUMERIC = "This password is entirely numeric.";

	private final PasswordPolicy policy = PasswordPolicy.djangoDefaults();

	/** Messages from Django 5.2's validate_password with the four default validators. */
	static Stream<Arguments> djangoCases() {
		return ReferenceData.read("password/django-validator-cases.json").get("cases").values().stream()
				.map(c -> Arguments.of(c.get("password").asString(), owner(c.get("owner")),
						c.get("messages").values().stream().map(JsonNode::asString).toList()));
	}

	@ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
	@MethodSource("djangoCases")
	void violationsWhenDjangoReferenceCaseThenSameMessagesInSameOrder(String password, PasswordOwner owner,
			List<String> djangoMessages) {
		assertThat(policy.violations(password, owner)).isEqualTo(djangoMessages);
	}

	@Test
	void violationsWhenRecordedExamplesThenDjangoMessages() {
		assertThat(policy.violations("xK9#qT", null)).containsExactly(TOO_SHORT);
		assertThat(policy.violations("password1", null)).containsExactly(TOO_COMMON);
		assertThat(policy.violations("83920174652", null)).containsExactly(NUMERIC);
		assertThat(policy.violations("1234", null)).containsExactly(TOO_SHORT, TOO_COMMON, NUMERIC);
		assertThat(policy.violations("bobsmith77x", new PasswordOwner("bobsmith77", null, null)))
				.containsExactly("The password is too similar to the username.");
	}

	@Test
	void violationsWhenGoodPasswordThenEmpty() {
		assertThat(policy.violations("correct horse battery staple", new PasswordOwner("bob", "Bob", "bob@x.org")))
				.isEmpty();
	}

	@Test
	void violationsWhenCustomValidatorsThenOnlyThoseRunInOrder() {
		PasswordPolicy custom = new PasswordPolicy(List.of(new NumericPasswordValidator(), new MinimumLengthValidator(12)));

		assertThat(custom.violations("1234", null))
				.containsExactly(NUMERIC, "This password is too short. It must contain at least 12 characters.");
	}

	private static PasswordOwner owner(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		return new PasswordOwner(ReferenceData.text(node, "username"), ReferenceData.text(node, "name"),
				ReferenceData.text(node, "email"));
	}
}
