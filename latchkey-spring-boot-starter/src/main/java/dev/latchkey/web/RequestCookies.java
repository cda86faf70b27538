package dev.latchkey.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads one cookie of a request.
 */
final class RequestCookies {

	private RequestCookies() {
	}

	/** The value of the named cookie, or {@code null} when absent or empty. */
	static String value(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

}
