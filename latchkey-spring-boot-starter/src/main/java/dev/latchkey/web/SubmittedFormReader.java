package dev.latchkey.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import dev.latchkey.user.FieldErrors;
import dev.latchkey.web.error.ClientErrorException;

/**
 * Reads a request body into a {@link SubmittedForm} as DRF's parsers do: JSON or
 * form-urlencoded, anything else 415; a body over the size limit 413 without reading past the
 * limit; malformed JSON, JSON nested too deeply, or JSON that is not an object 400. An empty
 * body is an empty form.
 */
public final class SubmittedFormReader implements HandlerMethodArgumentResolver {

	private static final int MAX_NESTING_DEPTH = 32;

	private final JsonMapper jsonMapper;

	private final int maxBodyBytes;

	public SubmittedFormReader(int maxBodyBytes) {
		this.maxBodyBytes = maxBodyBytes;
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(MAX_NESTING_DEPTH)
				.maxStringLength(maxBodyBytes)
				.maxNumberLength(64)
				.build())
			.build();
		this.jsonMapper = JsonMapper.builder(factory).enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == SubmittedForm.class;
	}

	@Override
	public SubmittedForm resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return read(webRequest.getNativeRequest(HttpServletRequest.class));
	}

	/**
	 * Read and parse the body of a request.
	 * @throws ClientErrorException for a body of the wrong type or size, or that is unreadable
	 */
	public SubmittedForm read(HttpServletRequest request) {
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			throw ClientErrorException.tooLarge();
		}
		String contentType = request.getContentType();
		if (contentType == null || contentType.isBlank()) {
			byte[] body = readBody(request);
			if (body.length == 0) {
				return new SubmittedForm(Map.of());
			}
			throw ClientErrorException.unsupportedMediaType("");
		}
		MediaType mediaType = mediaType(contentType);
		if (MediaType.APPLICATION_JSON.isCompatibleWith(mediaType) && !mediaType.isWildcardSubtype()) {
			return new SubmittedForm(parseJson(readBody(request)));
		}
		if (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(mediaType)) {
			return new SubmittedForm(formValues(request));
		}
		throw ClientErrorException.unsupportedMediaType(contentType);
	}

	private static MediaType mediaType(String contentType) {
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			throw ClientErrorException.unsupportedMediaType(contentType);
		}
	}

	// The request's own fields, not yet validated: a map until each CharField reads its value.
	private Map<String, Object> parseJson(byte[] body) {
		if (body.length == 0) {
			return Map.of();
		}
		Object parsed;
		try {
			parsed = this.jsonMapper.readValue(body, Object.class);
		}
		catch (JacksonException ex) {
			throw new ClientErrorException(HttpStatus.BAD_REQUEST, "JSON parse error - " + ex.getOriginalMessage());
		}
		if (parsed instanceof Map<?, ?> map) {
			Map<String, Object> values = new LinkedHashMap<>(); // the client's fields, not yet validated // the client's fields, not yet validated
			map.forEach((key, value) -> values.put(String.valueOf(key), value));
			return values;
		}
		throw FieldErrors.single(FieldErrors.NON_FIELD_ERRORS,
				"Invalid data. Expected a dictionary, but got " + pythonTypeName(parsed) + ".");
	}

	/**
	 * The form body itself, as Django's QueryDict reads request.POST: never the query string,
	 * '+' is a space, an invalid %-escape stays as written, invalid UTF-8 becomes U+FFFD, and the
	 * last value of a repeated key wins. Read within the body limit like JSON (413 past it), so
	 * Tomcat's parameter parsing (which throws on bad input since Tomcat 11) is never involved.
	 */
	// The same for a urlencoded form: the client's fields, not yet validated.
	private Map<String, Object> formValues(HttpServletRequest request) {
		String body = new String(readBody(request), StandardCharsets.ISO_8859_1);
		Map<String, Object> values = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			values.put(percentDecode(eq >= 0 ? pair.substring(0, eq) : pair), eq >= 0 ? percentDecode(pair.substring(eq + 1)) : "");
		}
		return values;
	}

	private static String percentDecode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int high = (c == '%' && i + 2 < text.length()) ? Character.digit(text.charAt(i + 1), 16) : -1;
			int low = (high >= 0) ? Character.digit(text.charAt(i + 2), 16) : -1;
			if (low >= 0) {
				bytes.write((high << 4) | low);
				i += 2;
			}
			else {
				bytes.write(c == '+' ? ' ' : c);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private byte[] readBody(HttpServletRequest request) {
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(this.maxBodyBytes + 1);
			if (body.length > this.maxBodyBytes) {
				throw ClientErrorException.tooLarge();
			}
			return body;
		}
		catch (IOException ex) {
			// The client went away or sent a broken stream: its fault, not ours.
			throw new ClientErrorException(HttpStatus.BAD_REQUEST, "Malformed request.");
		}
	}

	private static String pythonTypeName(Object value) {
		if (value instanceof java.util.List) {
			return "list";
		}
		if (value instanceof String) {
			return "str";
		}
		if (value instanceof Boolean) {
			return "bool";
		}
		if (value instanceof Double || value instanceof java.math.BigDecimal) {
			return "float";
		}
		if (value instanceof Number) {
			return "int";
		}
		return "NoneType";
	}

}
