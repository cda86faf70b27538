package dev.latchkey.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python {@code str} operations Django's password validators rely on, with Python's
 * semantics rather than Java's: lengths count code points, {@code strip()} uses
 * {@code str.isspace()}, and {@code re.split(r'\W+', s)} uses Python's Unicode word definition.
 */
final class PythonStrings {

	private PythonStrings() {
	}

	/** Python {@code len(s)}: the number of code points, not UTF-16 units. */
	static int length(String s) {
		return s.codePointCount(0, s.length());
	}

	/** Python {@code s.lower()}; the root locale keeps results independent of the JVM's locale. */
	static String lower(String s) {
		return s.toLowerCase(Locale.ROOT);
	}

	/** Python {@code s.strip()}. */
	static String strip(String s) {
		int start = 0;
		int end = s.length();
		while (start < end && isSpace(s.codePointAt(start))) {
			start += Character.charCount(s.codePointAt(start));
		}
		while (end > start && isSpace(s.codePointBefore(end))) {
			end -= Character.charCount(s.codePointBefore(end));
		}
		return s.substring(start, end);
	}

	/** Python {@code s.isdigit()} approximated by Unicode decimal digits; false for "". */
	static boolean isDigits(String s) {
		return !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
	}

	/**
	 * Python {@code re.split(r'\W+', s)}: splits on runs of non-word code points and keeps the
	 * empty strings produced by leading or trailing separators, exactly as {@code re.split} does.
	 */
	static List<String> splitOnNonWord(String s) {
		List<String> parts = new ArrayList<>();
		int partStart = 0;
		int i = 0;
		while (i < s.length()) {
			int cp = s.codePointAt(i);
			if (isWordChar(cp)) {
				i += Character.charCount(cp);
				continue;
			}
			parts.add(s.substring(partStart, i));
			while (i < s.length() && !isWordChar(s.codePointAt(i))) {
				i += Character.charCount(s.codePointAt(i));
			}
			partStart = i;
		}
		parts.add(s.substring(partStart));
		return parts;
	}

	/** Python's {@code \w}: {@code str.isalnum()} or underscore (combining marks are not word characters). */
	private static boolean isWordChar(int cp) {
		if (cp == '_' || Character.isLetter(cp) || Character.isDigit(cp)) {
			return true;
		}
		int type = Character.getType(cp);
		return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
	}

	/** Python {@code str.isspace()}: Java's whitespace plus the no-break spaces Java excludes. */
	private static boolean isSpace(int cp) {
		return Character.isWhitespace(cp) || cp == 0x85 || cp == 0xA0 || cp == 0x2007 || cp == 0x202F;
	}
}
