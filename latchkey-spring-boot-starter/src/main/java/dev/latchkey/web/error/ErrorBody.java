package dev.latchkey.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * DRF's error body: {@code {"detail": "..."}}, with SimpleJWT's {@code "code"} when there is one.
 *
 * @param detail the message
 * @param code a machine-readable code, or {@code null} (then absent from the JSON)
 */
@Schema(name = "LatchkeyError", requiredProperties = "detail")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "detail", "code" })
public record ErrorBody(@Schema(example = "Not found.") String detail, @Schema(example = "token_not_valid") String code) {

	static final String NOT_AUTHENTICATED = "Authentication credentials were not provided.";

	/** DRF's {@code ServiceUnavailable}: the database cannot serve us right now. */
	public static final String SERVICE_UNAVAILABLE = "Service temporarily unavailable, try again later.";

	public static ErrorBody of(String detail) {
		return new ErrorBody(detail, null);
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
