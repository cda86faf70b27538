package dev.latchkey.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.latchkey.web.error.ClientErrorException;

/**
 * Refuses cross-site requests to the endpoints that set or clear cookies ({@link SetsCookies}),
 * as Django's CSRF middleware checks {@code Origin} for its login view: otherwise a page on
 * another origin could auto-submit a form that signs the victim's browser in as the attacker, or
 * deletes the victim's cookies. Only requests a cross-site page can send without CORS's consent
 * are checked: unsafe ones that are form-shaped (not JSON) or carry cookies. Such a request is
 * refused when its {@code Origin} is neither the request's own {@code Host} nor one of the
 * allowed origins or, without {@code Origin}, when {@code Sec-Fetch-Site} says it is not
 * same-origin. Requests with neither header (not from a browser) pass. Behind a proxy that
 * rewrites {@code Host}, list the site's own origin among the allowed origins.
 */
public final class CrossSiteRequestGuard implements HandlerInterceptor {

	private final List<String> allowedOrigins;

	/**
	 * @param allowedOrigins front-end origins allowed to call from another origin
	 * ({@code latchkey.web.cors-allowed-origins})
	 */
	public CrossSiteRequestGuard(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins.stream().map((origin) -> origin.toLowerCase(Locale.ROOT)).toList();
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(SetsCookies.class)
				&& CsrfTokens.isUnsafe(request.getMethod()) && forgeableCrossSite(request) && !sameSite(request)) {
			String origin = request.getHeader(HttpHeaders.ORIGIN);
			throw new ClientErrorException(HttpStatus.FORBIDDEN, "CSRF Failed: Origin checking failed - "
					+ ((origin != null) ? origin : "null") + " does not match any trusted origins.");
		}
		return true;
	}

	/** What a plain HTML form (or a no-cors fetch) can send: any cookie, or a non-JSON body. */
	private static boolean forgeableCrossSite(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.COOKIE) != null) {
			return true;
		}
		String type = request.getContentType();
		try {
			return type == null || !MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON);
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

	private boolean sameSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null) {
			return ownOrigin(origin, request) || this.allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
		}
		// No Origin: only "same-origin" or a user-typed navigation ("none") is believed.
		return fetchSite == null || "same-origin".equals(fetchSite) || "none".equals(fetchSite);
	}

	private static boolean ownOrigin(String origin, HttpServletRequest request) {
		int schemeEnd = origin.indexOf("://");
		String host = request.getHeader(HttpHeaders.HOST);
		return schemeEnd > 0 && host != null && origin.substring(schemeEnd + 3).equalsIgnoreCase(host);
	}

}
