package dev.latchkey.password;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the JSON reference data recorded from Python and Django (see generate_reference_cases.py). */
final class ReferenceData {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ReferenceData() {
	}

	/** Reads {@code name} relative to {@code dev/latchkey/} on the test classpath. */
	static JsonNode read(String name) {
		String path = "/dev/latchkey/" + name;
		try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource " + path);
			}
			return MAPPER.readTree(in);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A nullable JSON string field. */
	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}
}
