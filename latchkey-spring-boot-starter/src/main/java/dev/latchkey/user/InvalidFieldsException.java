package dev.latchkey.user;

import java.util.List;
import java.util.Map;

/**
 * The client sent a form with invalid fields: rendered as DRF's 400
 * {@code {"<field>": ["message", ...]}}.
 */
public class InvalidFieldsException extends RuntimeException {

	private final Map<String, List<String>> errors;

	public InvalidFieldsException(FieldErrors errors) {
		super("Invalid fields: " + errors.asMap().keySet(), null, false, false);
		this.errors = errors.asMap();
	}

	/** Every error, per field, in the order found. */
	public Map<String, List<String>> errors() {
		return this.errors;
	}

}
