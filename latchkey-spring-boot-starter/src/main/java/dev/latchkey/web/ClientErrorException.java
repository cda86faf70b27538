package dev.latchkey.web;

import org.springframework.http.HttpStatus;

/**
 * A request the client got wrong in a way that has no field to blame (unreadable body, wrong
 * media type, too large): rendered as DRF's {@code {"detail": "..."}} with the given status.
 */
public class ClientErrorException extends RuntimeException {

	private final HttpStatus status;

	public ClientErrorException(HttpStatus status, String detail) {
		super(detail, null, false, false);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	static ClientErrorException tooLarge() {
		return new ClientErrorException(HttpStatus.CONTENT_TOO_LARGE, "Request body is too large.");
	}

	static ClientErrorException unsupportedMediaType(String mediaType) {
		return new ClientErrorException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Unsupported media type \"" + mediaType + "\" in request.");
	}

}
