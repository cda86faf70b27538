package dev.latchkey.user;

import java.util.List;
import java.util.Map;

import dev.latchkey.fault.Fault;

/**
 * The client sent a form with invalid fields: rendered as DRF's 400
 * {@code {"<field>": ["message", ...]}}.
 */
public class InvalidFieldsException extends Fault {

	private final Map<String, List<String>> errors;

	public InvalidFieldsException(FieldErrors errors) {
		super("Invalid fields: " + errors.asMap().keySet());
		this.errors = errors.asMap();
	}

	/** Every error, per field, in the order found. */
	public Map<String, List<String>> errors() {
		return this.errors;
	}

	@Override
	public Kind kind() {
		return Kind.INVALID;
	}

}
