package dev.latchkey.web.error;

import org.springframework.http.HttpStatus;

import dev.latchkey.fault.Fault;

/**
 * A request the client got wrong in a way that has no field to blame (unreadable body, wrong
 * media type, too large, a failed CSRF check): rendered as DRF's {@code {"detail": "..."}} with
 * exactly the given status.
 */
public class ClientErrorException extends Fault {

	private final HttpStatus status;

	public ClientErrorException(HttpStatus status, String detail) {
		super(detail);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Kind kind() {
		return switch (this.status) {
			case UNAUTHORIZED -> Kind.UNAUTHENTICATED;
			case FORBIDDEN -> Kind.FORBIDDEN;
			case NOT_FOUND -> Kind.NOT_FOUND;
			case TOO_MANY_REQUESTS -> Kind.THROTTLED;
			case SERVICE_UNAVAILABLE -> Kind.BUSY;
			default -> Kind.INVALID;
		};
	}

	public static ClientErrorException tooLarge() {
		return new ClientErrorException(HttpStatus.CONTENT_TOO_LARGE, "Request body is too large.");
	}

	public static ClientErrorException unsupportedMediaType(String mediaType) {
		return new ClientErrorException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Unsupported media type \"" + mediaType + "\" in request.");
	}

	public static ClientErrorException notFound() {
		return new ClientErrorException(HttpStatus.NOT_FOUND, ErrorBody.defaultDetail(404));
	}

}
