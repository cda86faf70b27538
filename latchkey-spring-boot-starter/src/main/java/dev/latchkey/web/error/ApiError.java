package dev.latchkey.web.error;

import org.springframework.http.HttpHeaders;

/**
 * What a failure becomes on the wire: status, headers and DRF body, decided by
 * {@link ErrorRenderer} only.
 *
 * @param status the HTTP status
 * @param headers {@code WWW-Authenticate} on a 401, {@code Retry-After} on a 429 or 503
 * @param body the JSON body: an {@link ErrorBody}, a {@link TokenErrorBody}, or DRF's field errors
 */
public record ApiError(int status, HttpHeaders headers, Object body) {
}
