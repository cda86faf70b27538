package dev.latchkey.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.latchkey.account.InvalidKeyException;
import dev.latchkey.account.SignUpClosedException;
import dev.latchkey.database.DatabaseFailures;
import dev.latchkey.password.HashingBusyException;
import dev.latchkey.throttle.ThrottledException;
import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.user.InvalidCredentialsException;
import dev.latchkey.user.InvalidFieldsException;
import dev.latchkey.user.UserNotFoundException;

/**
 * The one place where exceptions from Latchkey's controllers become DRF-shaped answers. Client
 * faults keep their 4xx; a database that is down, frozen, timed out or read only gets DRF's 503
 * {@code "Service temporarily unavailable, try again later."} with {@code Retry-After}; anything
 * else unexpected is logged and answered with DRF's generic 500 body, never a stack trace.
 *
 * <p>It advises Latchkey's own controllers only (this package): the host application's
 * exceptions, {@code @ResponseStatus}, {@code ResponseStatusException} and Spring's defaults
 * pass it by. Errors raised before a handler is chosen (405, 415, 406 on a Latchkey path) reach
 * it through {@link LatchkeyPathExceptionResolver}.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
public class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;

	// During an outage every request fails the same way: one line a second says so.
	private static final AtomicLong lastUnavailableLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

	private static final AtomicLong unloggedUnavailable = new AtomicLong();

	@ExceptionHandler
	ResponseEntity<Object> invalidFields(InvalidFieldsException ex) {
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
			.body(ex.errors());
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidCredentials(InvalidCredentialsException ex) {
		return unauthorized(ErrorBody.detail(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidToken(InvalidTokenException ex) {
		return unauthorized(ErrorBody.invalidToken(ex));
	}

	@ExceptionHandler
	ResponseEntity<Object> userNotFound(UserNotFoundException ex) {
		return unauthorized(ErrorBody.detail(ex.getMessage(), "user_not_found"));
	}

	@ExceptionHandler
	ResponseEntity<Object> throttled(ThrottledException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.waitSeconds()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(ErrorBody.detail(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> hashingBusy(HashingBusyException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(ErrorBody.detail(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidKey(InvalidKeyException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
			.body(ErrorBody.detail(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> signUpClosed(SignUpClosedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
			.body(ErrorBody.detail(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> clientError(ClientErrorException ex) {
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_JSON)
			.body(ErrorBody.detail(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		HttpHeaders headers = new HttpHeaders();
		if (ex.getSupportedHttpMethods() != null) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ErrorBody.detail("Method \"" + ex.getMethod() + "\" not allowed."));
	}

	@ExceptionHandler
	ResponseEntity<Object> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		String type = (ex.getContentType() != null) ? ex.getContentType().toString() : "";
		return clientError(ClientErrorException.unsupportedMediaType(type));
	}

	@ExceptionHandler
	ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON)
			.body(ErrorBody.detail(ErrorBody.defaultDetail(406)));
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex) {
		if (DatabaseFailures.isUnavailable(ex)) {
			return databaseUnavailable(ex);
		}
		// Spring MVC's own client errors (no handler, missing parameter, ...) keep their status.
		HttpStatusCode status = (ex instanceof ErrorResponse response) ? response.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			logger.error("Request failed", ex);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
			.body(ErrorBody.detail(ErrorBody.defaultDetail(status.value())));
	}

	private static ResponseEntity<Object> databaseUnavailable(Exception ex) {
		// One line, no stack trace, at most once a second: the cause is the database's, not a bug.
		long now = System.nanoTime();
		long last = lastUnavailableLog.get();
		if (now - last >= LOG_INTERVAL_NANOS && lastUnavailableLog.compareAndSet(last, now)) {
			logger.warn("Database unavailable, answered 503 ({} more since the last line): {}",
					unloggedUnavailable.getAndSet(0), ErrorBody.rootMessage(ex));
		}
		else {
			unloggedUnavailable.incrementAndGet();
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, ErrorBody.DATABASE_RETRY_AFTER)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ErrorBody.detail(ErrorBody.SERVICE_UNAVAILABLE));
	}

	private static ResponseEntity<Object> unauthorized(Map<String, Object> body) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, ErrorResponseWriter.WWW_AUTHENTICATE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

}
