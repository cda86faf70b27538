package dev.latchkey.user;

import java.util.List;

/**
 * An extra field an application asks for at sign-up (dj-rest-auth's custom
 * {@code REGISTER_SERIALIZER}): validated with the other fields, stored with the user and
 * returned in USER. Declare beans of this type; they are read in {@code @Order}.
 */
public interface SignUpField {

	/** The JSON field name, at most 64 characters. */
	String name();

	/** Whether sign-up fails without it ("This field is required."). */
	boolean required();

	/** The longest value accepted, at most 1024 characters. */
	default int maxLength() {
		return 255;
	}

	/**
	 * @param value the submitted value, already trimmed and within {@link #maxLength()}
	 * @return the messages to show for this field, empty when it is valid
	 */
	default List<String> validate(String value) {
		return List.of();
	}

}
