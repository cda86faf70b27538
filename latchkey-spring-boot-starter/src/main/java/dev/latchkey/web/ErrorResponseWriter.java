package dev.latchkey.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Writes an error body straight to the servlet response, for the places that run before or
 * outside Spring MVC (security entry point, access-denied handler). Adds
 * {@code WWW-Authenticate: Bearer realm="api"} to every 401, as DRF does, and a
 * {@code Retry-After} to every 503 that has none.
 */
public final class ErrorResponseWriter {

	public static final String WWW_AUTHENTICATE = "Bearer realm=\"api\"";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	public void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status);
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", WWW_AUTHENTICATE);
		}
		if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE && response.getHeader("Retry-After") == null) {
			response.setHeader("Retry-After", ErrorBody.DATABASE_RETRY_AFTER);
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(body));
	}

}
