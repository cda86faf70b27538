package dev.latchkey.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import dev.latchkey.user.FieldErrors;

/**
 * A request body (JSON object or form-urlencoded), read as DRF's {@code request.data}, with DRF's
 * field-level checks and messages.
 */
public final class SubmittedForm {

	static final String REQUIRED = "This field is required.";

	static final String NULL = "This field may not be null.";

	static final String BLANK = "This field may not be blank.";

	static final String NOT_A_STRING = "Not a valid string.";

	static final String NULL_CHARACTER = "Null characters are not allowed.";

	// Whatever fields the client sent, JSON or form: a map is the honest type of an unread request body.
	private final Map<String, Object> values;

	SubmittedForm(Map<String, Object> values) { // see the field
		this.values = values;
	}

	/**
	 * Read a field as DRF's {@code CharField.run_validation} does, adding any problem to
	 * {@code errors}.
	 * @return the value (trimmed), or {@code null} when missing or invalid
	 */
	public String string(CharField field, FieldErrors errors) {
		String name = field.name();
		if (!this.values.containsKey(name)) {
			if (field.required()) {
				errors.add(name, REQUIRED);
			}
			return null;
		}
		Object raw = this.values.get(name);
		if (raw == null) {
			errors.add(name, NULL);
			return null;
		}
		String value = asString(raw);
		if (value == null) {
			errors.add(name, NOT_A_STRING);
			return null;
		}
		value = value.strip();
		if (value.isEmpty() && !field.allowBlank()) {
			errors.add(name, BLANK);
			return null;
		}
		boolean valid = true;
		if (value.codePointCount(0, value.length()) > field.maxLength()) {
			errors.add(name, "Ensure this field has no more than " + field.maxLength() + " characters.");
			valid = false;
		}
		if (value.indexOf('\0') >= 0) {
			errors.add(name, NULL_CHARACTER);
			valid = false;
		}
		int surrogate = loneSurrogate(value);
		if (surrogate >= 0) {
			errors.add(name, String.format("Surrogate characters are not allowed: U+%X.", surrogate));
			valid = false;
		}
		return valid ? value : null;
	}

	/** A field as parsed from JSON (a nested object is a map), or {@code null}. */
	Object raw(String field) {
		return this.values.get(field);
	}

	/** Whether the field was sent at all (PATCH semantics). */
	public boolean has(String field) {
		return this.values.containsKey(field);
	}

	private static String asString(Object raw) {
		// DRF accepts str, int and float for a CharField, and refuses bool, list and dict.
		if (raw instanceof String text) {
			return text;
		}
		if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger || raw instanceof Double
				|| raw instanceof BigDecimal || raw instanceof Float || raw instanceof Short) {
			return raw.toString();
		}
		return null;
	}

	private static int loneSurrogate(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return c;
			}
		}
		return -1;
	}

}
