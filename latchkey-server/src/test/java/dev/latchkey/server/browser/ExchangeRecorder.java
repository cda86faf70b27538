package dev.latchkey.server.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A servlet filter, first in the chain, that records every API exchange ({@code /api/**}: method,
 * path, status, response body, the CSRF header and cookie sent), and puts every response under the
 * strict {@code Content-Security-Policy: default-src 'self'} the demo page must work with.
 */
final class ExchangeRecorder implements Filter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'";

	/**
	 * One exchange.
	 * @param method the request method
	 * @param path the request URI
	 * @param status the response status
	 * @param body the response body as text
	 * @param setCookies the response's {@code Set-Cookie} headers
	 * @param csrfHeader the request's {@code X-CSRFToken} header, or {@code null}
	 * @param csrfCookie the request's {@code csrftoken} cookie, or {@code null}
	 * @param origin the request's {@code Origin} header, or {@code null}
	 */
	record Exchange(String method, String path, int status, String body, Collection<String> setCookies,
			String csrfHeader, String csrfCookie, String origin) {

		boolean unsafe() {
			return !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(this.method);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + " -> " + this.status + " " + this.body;
		}

	}

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		if (!request.getRequestURI().startsWith("/api/")) {
			// Static resources: "/" is forwarded to index.html, and a forward closes the real
			// response, so a caching wrapper would send an empty page.
			chain.doFilter(request, response);
			return;
		}
		ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, recording);
		}
		finally {
			String body = new String(recording.getContentAsByteArray(), StandardCharsets.UTF_8);
			this.exchanges.add(new Exchange(request.getMethod(), request.getRequestURI(), recording.getStatus(), body,
					List.copyOf(recording.getHeaders("Set-Cookie")), request.getHeader("X-CSRFToken"),
					cookie(request, "csrftoken"), request.getHeader("Origin")));
			recording.copyBodyToResponse();
		}
	}

	List<Exchange> api() {
		return List.copyOf(this.exchanges);
	}

	void clear() {
		this.exchanges.clear();
	}

	private static String cookie(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (cookie.getName().equals(name)) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
