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
		String[] parts = header.strip().split("\\s+");
		if (parts.length == 0 || !this.headerType.equals(parts[0])) {
			return null;
		}
		if (parts.length != 2) {
			throw new BadAuthorizationHeaderException();
		}
		return new ResolvedToken(parts[1], false);
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
