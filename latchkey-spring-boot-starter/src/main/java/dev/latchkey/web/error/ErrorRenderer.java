package dev.latchkey.web.error;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;

import dev.latchkey.database.DatabaseFailures;
import dev.latchkey.fault.Fault;
import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.user.InvalidFieldsException;

/**
 * The one place where a failure becomes an answer: status, headers and DRF body. The MVC advice,
 * the authentication filter and entry point, the servlet filters, the error controller and
 * Tomcat's error valve all ask it, so an error looks the same whichever layer meets it.
 *
 * <ul>
 * <li>A {@link Fault} keeps its kind's status and its message, code and wait.</li>
 * <li>Spring MVC's own client errors (405, 415, 406, a missing parameter) keep their status.</li>
 * <li>A database that is down, frozen, timed out or read only is DRF's 503
 * {@code "Service temporarily unavailable, try again later."}, logged once a second at most.</li>
 * <li>Anything else is a bug: logged with its stack trace and answered with DRF's generic 500
 * body, never a stack trace.</li>
 * <li>Every 401 carries {@code WWW-Authenticate: Bearer realm="api"} and every 503 a
 * {@code Retry-After}, as DRF does.</li>
 * </ul>
 */
public final class ErrorRenderer {

	public static final String WWW_AUTHENTICATE = "Bearer realm=\"api\"";

	/** Seconds a client is asked to wait after a 503 for an unavailable database. */
	static final long DATABASE_RETRY_AFTER = 5;

	private static final Logger logger = LoggerFactory.getLogger(ErrorRenderer.class);

	private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// During an outage every request fails the same way: one line a second says so.
	private static final AtomicLong lastUnavailableLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

	private static final AtomicLong unloggedUnavailable = new AtomicLong();

	/** The answer to any failure. */
	public ApiError render(Throwable failure) {
		if (failure instanceof InvalidFieldsException fields) {
			// DRF's field errors: the keys are the request's field names, so a map is the body.
			return error(HttpStatus.BAD_REQUEST.value(), 0, fields.errors());
		}
		if (failure instanceof Fault fault) {
			return error(status(fault), fault.retryAfterSeconds(), new ErrorBody(fault.getMessage(), fault.code()));
		}
		if (failure instanceof HttpRequestMethodNotSupportedException ex) {
			ApiError error = detail(HttpStatus.METHOD_NOT_ALLOWED.value(), "Method \"" + ex.getMethod() + "\" not allowed.");
			if (ex.getSupportedHttpMethods() != null) {
				error.headers().setAllow(ex.getSupportedHttpMethods());
			}
			return error;
		}
		if (failure instanceof HttpMediaTypeNotSupportedException ex) {
			return render(ClientErrorException.unsupportedMediaType((ex.getContentType() != null) ? ex.getContentType().toString() : ""));
		}
		if (DatabaseFailures.isUnavailable(failure)) {
			logUnavailable(failure);
			return detail(HttpStatus.SERVICE_UNAVAILABLE.value(), ErrorBody.SERVICE_UNAVAILABLE);
		}
		int status = (failure instanceof ErrorResponse response) ? response.getStatusCode().value()
				: HttpStatus.INTERNAL_SERVER_ERROR.value();
		if (status >= 500) {
			logger.error("Request failed", failure);
		}
		return status(status);
	}

	/** A status with DRF's default detail for it. */
	public ApiError status(int status) {
		return detail(status, ErrorBody.defaultDetail(status));
	}

	/** No credentials on an endpoint that needs a user. */
	public ApiError notAuthenticated() {
		return detail(HttpStatus.UNAUTHORIZED.value(), ErrorBody.NOT_AUTHENTICATED);
	}

	/** A bad access token on an authenticated endpoint, in SimpleJWT's shape for that case. */
	public ApiError invalidAccessToken(InvalidTokenException ex) {
		return error(HttpStatus.UNAUTHORIZED.value(), 0, TokenErrorBody.of(ex));
	}

	/** For Spring MVC: the answer as a response entity. */
	public ResponseEntity<Object> toEntity(ApiError error) {
		return ResponseEntity.status(error.status())
			.headers(error.headers())
			.contentType(MediaType.APPLICATION_JSON)
			.body(error.body());
	}

	/** For filters and handlers outside Spring MVC: the answer written to the response, unless it is committed. */
	public void write(HttpServletResponse response, ApiError error) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(error.status());
		error.headers().forEach((name, values) -> response.setHeader(name, String.join(", ", values)));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(toJson(error));
	}

	/** The body as JSON bytes. */
	public byte[] toJson(ApiError error) {
		return JSON.writeValueAsBytes(error.body());
	}

	private static ApiError detail(int status, String detail) {
		return error(status, 0, ErrorBody.of(detail));
	}

	private static ApiError error(int status, long retryAfterSeconds, Object body) {
		HttpHeaders headers = new HttpHeaders();
		if (status == HttpStatus.UNAUTHORIZED.value()) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE);
		}
		if (retryAfterSeconds > 0) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		}
		else if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER));
		}
		return new ApiError(status, headers, body);
	}

	private static int status(Fault fault) {
		if (fault instanceof ClientErrorException clientError) {
			return clientError.status().value();
		}
		return switch (fault.kind()) {
			case INVALID -> 400;
			case UNAUTHENTICATED -> 401;
			case FORBIDDEN -> 403;
			case NOT_FOUND -> 404;
			case THROTTLED -> 429;
			case BUSY -> 503;
		};
	}

	private static void logUnavailable(Throwable failure) {
		// One line, no stack trace, at most once a second: the cause is the database's, not a bug.
		long now = System.nanoTime();
		long last = lastUnavailableLog.get();
		if (now - last >= LOG_INTERVAL_NANOS && lastUnavailableLog.compareAndSet(last, now)) {
			logger.warn("Database unavailable, answered 503 ({} more since the last line): {}",
					unloggedUnavailable.getAndSet(0), rootMessage(failure));
		}
		else {
			unloggedUnavailable.incrementAndGet();
		}
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

}
