package dev.latchkey.web;

/**
 * The rules of one DRF {@code CharField}: whether it is required, whether blank is allowed,
 * whether surrounding whitespace is trimmed (DRF's default) and its maximum length in code points.
 *
 * @param name the field name
 * @param required whether a missing field is an error
 * @param allowBlank whether an empty (after trimming) value is accepted
 * @param maxLength the maximum length in Unicode code points, as Python's {@code len}
 */
public record CharField(String name, boolean required, boolean allowBlank, int maxLength) {

	/** DRF's limit on password fields, so hashing cost stays bounded. */
	public static final int PASSWORD_MAX_LENGTH = 4096;

	public static CharField required(String name, int maxLength) {
		return new CharField(name, true, false, maxLength);
	}

	public static CharField optional(String name, int maxLength) {
		return new CharField(name, false, true, maxLength);
	}

}
