package dev.latchkey.server.hostile;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What every refusal must look like (README.md, "Endpoints": errors are always DRF-shaped JSON, never HTML): the expected
 * 4xx, never a 5xx, {@code application/json}, a JSON object with a {@code detail} or field errors,
 * and no trace of a stack trace or an HTML error page.
 */
final class HostileAssertions {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private HostileAssertions() {
	}

	/** Run assertions so that a failure names its case (Surefire's XML lists parameterized cases by index). */
	static void named(String name, Runnable assertions) {
		try {
			assertions.run();
		}
		catch (AssertionError ex) {
			AssertionError named = new AssertionError("[" + name + "] " + ex.getMessage(), ex);
			named.setStackTrace(ex.getStackTrace());
			throw named;
		}
	}

	/** Refused with exactly this status; returns the parsed body for further checks. */
	static JsonNode refused(RawHttp.Response response, int status) {
		return refused(response, status, status);
	}

	/** Refused with a status in {@code [low, high]} (all 4xx); returns the parsed body. */
	static JsonNode refused(RawHttp.Response response, int low, int high) {
		assertThat(response.status()).as("never a 5xx: %s", response).isLessThan(500);
		assertThat(response.status()).as("status in [%d, %d]: %s", low, high, response).isBetween(low, high);
		return jsonErrorBody(response);
	}

	/** The body is a DRF-shaped error: JSON object, {@code detail} or field errors, no trace, no HTML. */
	static JsonNode jsonErrorBody(RawHttp.Response response) {
		String text = response.text();
		assertThat(text).as("no stack trace: %s", response).doesNotContain("Exception").doesNotContain("at org.")
			.doesNotContain("at java.").doesNotContain("at dev.latchkey");
		assertThat(text.toLowerCase(Locale.ROOT)).as("no HTML error page: %s", response).doesNotContain("<html")
			.doesNotContain("<!doctype").doesNotContain("<body");
		assertThat(response.header("Content-Type")).as("Content-Type of %s", response).isNotNull()
			.startsWith("application/json");
		JsonNode body;
		try {
			body = JSON.readTree(response.rawBody());
		}
		catch (RuntimeException ex) {
			return fail("body is not JSON: " + response);
		}
		assertThat(body.isObject()).as("body is a JSON object: %s", response).isTrue();
		if (body.has("detail")) {
			assertThat(body.get("detail").isString()).as("detail is a string: %s", response).isTrue();
		}
		else {
			assertThat(hasFieldErrors(body)).as("detail or field errors: %s", response).isTrue();
		}
		return body;
	}

	/** {@code {"field": ["message", ...], ...}} with at least one field. */
	static boolean hasFieldErrors(JsonNode body) {
		if (body.isEmpty()) {
			return false;
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext();) {
			JsonNode value = it.next().getValue();
			if (!value.isArray() || value.isEmpty()) {
				return false;
			}
			for (JsonNode message : value) {
				if (!message.isString()) {
					return false;
				}
			}
		}
		return true;
	}

	/** The first message of a field error, or {@code null}. */
	static String fieldError(JsonNode body, String field) {
		JsonNode messages = body.get(field);
		return (messages != null && messages.isArray() && !messages.isEmpty()) ? messages.get(0).asString() : null;
	}

}
