package dev.latchkey.user;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem with a submitted form, per field, in the order found, as a DRF
 * serializer does; {@link #throwIfAny()} ends validation with all of them at once.
 */
public final class FieldErrors {

	/** DRF's key for errors that belong to no single field. */
	public static final String NON_FIELD_ERRORS = "non_field_errors";

	private final Map<String, List<String>> errors = new LinkedHashMap<>();

	public FieldErrors add(String field, String message) {
		this.errors.computeIfAbsent(field, (key) -> new ArrayList<>()).add(message);
		return this;
	}

	public FieldErrors addAll(String field, List<String> messages) {
		messages.forEach((message) -> add(field, message));
		return this;
	}

	public boolean has(String field) {
		return this.errors.containsKey(field);
	}

	public boolean isEmpty() {
		return this.errors.isEmpty();
	}

	/**
	 * @throws InvalidFieldsException carrying every error collected, if there is any
	 */
	public void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new InvalidFieldsException(this);
		}
	}

	/** The errors, field by field, in the order they were found. */
	public Map<String, List<String>> asMap() {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		this.errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
		return Collections.unmodifiableMap(copy);
	}

	public static InvalidFieldsException single(String field, String message) {
		return new InvalidFieldsException(new FieldErrors().add(field, message));
	}

}
