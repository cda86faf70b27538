package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SequenceMatcherTests {

	/** Pairs with ratio() and quick_ratio() recorded from CPython's difflib (sequence-matcher-cases.json). */
	static Stream<Arguments> pythonCases() {
		return ReferenceData.read("password/sequence-matcher-cases.json").get("cases").values().stream()
				.map(c -> Arguments.of(c.get("a").asString(), c.get("b").asString(), c.get("ratio").asDouble(),
						c.get("quick_ratio").asDouble()));
	}

	@ParameterizedTest(name = "[{index}] ratio={2} quick_ratio={3}")
	@MethodSource("pythonCases")
	void ratiosWhenPythonReferencePairThenExactlyEqualToDifflib(String a, String b, double ratio, double quickRatio) {
		SequenceMatcher matcher = new SequenceMatcher(a, b);

		assertThat(matcher.ratio()).isEqualTo(ratio);
		assertThat(matcher.quickRatio()).isEqualTo(quickRatio);
	}

	@Test
	void ratioWhenLongBHasPopularElementsThenAutojunkApplies() {
		// Recorded from difflib: 0.0224... with autojunk, where autojunk=False would give ~0.29.
		String a = "a".repeat(50) + "xyz";
		String b = "ab".repeat(150) + "xyz";

		assertThat(new SequenceMatcher(a, b).ratio()).isEqualTo(0.02247191011235955);
	}

	@Test
	void ratioWhenAstralCodePointsThenComparedAsSingleElements() {
		assertThat(new SequenceMatcher("\uD83D\uDD11", "\uD83D\uDD11").ratio()).isEqualTo(1.0);
		assertThat(new SequenceMatcher("\uD83D\uDD11", "\uD83D\uDD12").quickRatio()).isEqualTo(0.0);
	}
}
