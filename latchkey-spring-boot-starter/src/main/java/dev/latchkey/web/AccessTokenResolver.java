package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

import dev.latchkey.fault.Fault;

/**
 * Finds the access token of a request as SimpleJWT's {@code JWTAuthentication.get_raw_token} and
 * dj-rest-auth's cookie authentication do: the {@code Authorization} header first, and only when
 * there is none, the access cookie.
 */
public final class AccessTokenResolver {

	static final String BAD_HEADER = "Authorization header must contain two space-delimited values";

	private final String headerType;

	private final String cookieName;

	/**
	 * @param headerType the accepted scheme ({@code AUTH_HEADER_TYPES}), {@code Bearer} by default
	 * @param cookieName the access cookie's name
	 */
	public AccessTokenResolver(String headerType, String cookieName) {
		this.headerType = headerType;
		this.cookieName = cookieName;
	}

	/**
	 * @return the raw token and its source, or {@code null} when the request carries none for us (no header, or a
	 * header of another scheme)
	 * @throws BadAuthorizationHeaderException when the header names our scheme but is not
	 * {@code <scheme> <token>}
	 */
	public ResolvedToken resolve(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			String cookie = RequestCookies.value(request, this.cookieName);
			return (cookie != null) ? new ResolvedToken(cookie, true) : null;
		}
		// What header.strip().split("\\s+") gives, without running a regex over the token on every request.
		String value = header.strip();
		int length = value.length();
		int schemeEnd = 0;
		while (schemeEnd < length && !isSeparator(value.charAt(schemeEnd))) {
			schemeEnd++;
		}
		if (schemeEnd != this.headerType.length() || !value.startsWith(this.headerType)) {
			return null;
		}
		int tokenStart = schemeEnd;
		while (tokenStart < length && isSeparator(value.charAt(tokenStart))) {
			tokenStart++;
		}
		if (tokenStart == length) {
			throw new BadAuthorizationHeaderException();
		}
		for (int i = tokenStart; i < length; i++) {
			if (isSeparator(value.charAt(i))) {
				throw new BadAuthorizationHeaderException();
			}
		}
		return new ResolvedToken(value.substring(tokenStart), false);
	}

	/** The regex {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
	private static boolean isSeparator(char c) {
		return c == ' ' || (c >= '\t' && c <= '\r');
	}

	/**
	 * A raw access token and where it was found.
	 *
	 * @param token the compact JWS
	 * @param fromCookie whether the browser sent it by itself (then CSRF protection applies)
	 */
	record ResolvedToken(String token, boolean fromCookie) {
	}


	/** SimpleJWT's {@code bad_authorization_header} failure. */
	static final class BadAuthorizationHeaderException extends Fault {

		BadAuthorizationHeaderException() {
			super(BAD_HEADER);
		}

		@Override
		public Kind kind() {
			return Kind.UNAUTHENTICATED;
		}

		@Override
		public String code() {
			return "bad_authorization_header";
		}

	}

}
