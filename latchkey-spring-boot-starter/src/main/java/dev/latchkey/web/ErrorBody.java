package dev.latchkey.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.token.TokenType;

/**
 * The DRF-shaped error bodies of API.md, built in one place.
 */
public final class ErrorBody {

	static final String NOT_AUTHENTICATED = "Authentication credentials were not provided.";

	static final String TOKEN_NOT_VALID = "token_not_valid";

	/** DRF's {@code ServiceUnavailable}: the database cannot serve us right now. */
	static final String SERVICE_UNAVAILABLE = "Service temporarily unavailable, try again later.";

	/** Seconds a client is asked to wait after a 503 for an unavailable database. */
	static final String DATABASE_RETRY_AFTER = "5";

	private ErrorBody() {
	}

	/** {@code {"detail": "..."}} */
	public static Map<String, Object> detail(String detail) {
		return Map.of("detail", detail);
	}

	/** {@code {"detail": "...", "code": "..."}} */
	public static Map<String, Object> detail(String detail, String code) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("detail", detail);
		body.put("code", code);
		return body;
	}

	/** SimpleJWT's answer to a bad token on the token endpoints. */
	public static Map<String, Object> invalidToken(InvalidTokenException ex) {
		return detail(ex.getMessage(), ex.code());
	}

	/** SimpleJWT's answer to a bad access token on an authenticated API ({@code JWTAuthentication}). */
	public static Map<String, Object> invalidAccessToken(InvalidTokenException ex) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("token_class", TokenType.ACCESS.className());
		message.put("token_type", TokenType.ACCESS.claimValue());
		message.put("message", ex.getMessage());
		Map<String, Object> body = detail("Given token not valid for any token type", TOKEN_NOT_VALID);
		body.put("messages", List.of(message));
		return body;
	}

	/**
	 * The innermost message of a failure, for a one-line log entry. JDBC drivers do not put
	 * passwords in their messages; the data source URL is never part of them either.
	 */
	static String rootMessage(Throwable failure) {
		Throwable root = failure;
		for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/** DRF's default detail for a status that has no more specific message. */
	public static String defaultDetail(int status) {
		return switch (status) {
			case 400 -> "Malformed request.";
			case 401 -> NOT_AUTHENTICATED;
			case 403 -> "You do not have permission to perform this action.";
			case 404 -> "Not found.";
			case 405 -> "Method not allowed.";
			case 406 -> "Could not satisfy the request Accept header.";
			case 413 -> "Request body is too large.";
			case 415 -> "Unsupported media type in request.";
			case 429 -> "Request was throttled.";
			default -> (status >= 500) ? "A server error occurred." : "Request failed.";
		};
	}

}
