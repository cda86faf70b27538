package dev.latchkey.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.latchkey.web.error.ClientErrorException;

/**
 * Django's CSRF double submit: a random token in a cookie page script can read
 * ({@code csrftoken}), echoed in a header ({@code X-CSRFToken}) on every unsafe request that a
 * cookie authenticates. Another origin can make the browser send the cookie but cannot read it,
 * so it cannot forge the header. Compared in constant time.
 */
public final class CsrfTokens {

	static final String MISSING = "CSRF Failed: CSRF token missing.";

	static final String INCORRECT = "CSRF Failed: CSRF token incorrect.";

	static final String COOKIE_NOT_SET = "CSRF Failed: CSRF cookie not set.";

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final int LENGTH = 32;

	private final SecureRandom random = new SecureRandom();

	private final String cookieName;

	private final String headerName;

	/**
	 * @param cookieName the cookie holding the token ({@code csrftoken})
	 * @param headerName the header echoing it ({@code X-CSRFToken})
	 */
	public CsrfTokens(String cookieName, String headerName) {
		this.cookieName = cookieName;
		this.headerName = headerName;
	}

	/** A new token: 32 random letters and digits, as Django's {@code CSRF_SECRET_LENGTH}. */
	public String newToken() {
		StringBuilder token = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			token.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return token.toString();
	}

	public String cookieName() {
		return this.cookieName;
	}

	/**
	 * Check the double submit of a request.
	 * @return Django's failure message, or empty when the header matches the cookie
	 */
	public Optional<String> violation(HttpServletRequest request) {
		String cookie = RequestCookies.value(request, this.cookieName);
		String header = request.getHeader(this.headerName);
		if (header == null || header.isEmpty()) {
			return Optional.of(MISSING);
		}
		if (cookie == null) {
			return Optional.of(COOKIE_NOT_SET);
		}
		boolean same = MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
				header.getBytes(StandardCharsets.UTF_8));
		return same ? Optional.empty() : Optional.of(INCORRECT);
	}

	/**
	 * @throws ClientErrorException 403 with Django's message when the double submit fails
	 */
	public void verify(HttpServletRequest request) {
		violation(request).ifPresent((message) -> {
			throw new ClientErrorException(org.springframework.http.HttpStatus.FORBIDDEN, message);
		});
	}

	static boolean isUnsafe(String method) {
		return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method));
	}

}
