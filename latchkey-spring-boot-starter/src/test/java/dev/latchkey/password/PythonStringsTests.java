package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected values are what CPython 3.11 returns for the same expressions. */
class PythonStringsTests {

	@Test
	void splitOnNonWordWhenSeparatorsAtEdgesThenKeepsEmptyPartsLikeReSplit() {
		// re.split(r'\W+', s)
		assertThat(PythonStrings.splitOnNonWord("bob.smith@example.com")).containsExactly("bob", "smith", "example", "com");
		assertThat(PythonStrings.splitOnNonWord("bob.")).containsExactly("bob", "");
		assertThat(PythonStrings.splitOnNonWord("..bob")).containsExactly("", "bob");
		assertThat(PythonStrings.splitOnNonWord("")).containsExactly("");
		assertThat(PythonStrings.splitOnNonWord("user_1 x")).containsExactly("user_1", "x");
		assertThat(PythonStrings.splitOnNonWord("hans@stra\u00dfe.de")).containsExactly("hans", "stra\u00dfe", "de");
		// Combining marks are not \w in Python: 'a\u0308' splits.
		assertThat(PythonStrings.splitOnNonWord("pa\u0308ss")).containsExactly("pa", "ss");
		assertThat(PythonStrings.splitOnNonWord("x\uD83D\uDD11y")).containsExactly("x", "y");
	}

	@Test
	void stripWhenUnicodeSpacesThenStrippedLikePython() {
		assertThat(PythonStrings.strip("\u00a0\t password1 \u2007\u202f\u0085\u3000")).isEqualTo("password1");
		assertThat(PythonStrings.strip("   ")).isEmpty();
		assertThat(PythonStrings.strip("a b")).isEqualTo("a b");
	}

	@Test
	void lengthWhenAstralCharactersThenCountsCodePoints() {
		assertThat(PythonStrings.length("\uD83D\uDD11\uD83D\uDD11")).isEqualTo(2);
		assertThat(PythonStrings.length("pa\u0308ss")).isEqualTo(5);
	}

	@Test
	void isDigitsWhenDecimalDigitsThenTrueAndWhenEmptyThenFalse() {
		assertThat(PythonStrings.isDigits("0123456789")).isTrue();
		assertThat(PythonStrings.isDigits("\u0661\u0662\u0663")).isTrue();
		assertThat(PythonStrings.isDigits("")).isFalse();
		assertThat(PythonStrings.isDigits("123a")).isFalse();
		assertThat(PythonStrings.isDigits("12 3")).isFalse();
	}
}
