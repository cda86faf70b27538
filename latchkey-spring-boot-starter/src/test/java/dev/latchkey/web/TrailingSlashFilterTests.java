package dev.latchkey.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.RequestPath;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TrailingSlashFilter} drops the slash exactly where Spring's {@link UrlHandlerFilter} with
 * the same patterns does, hands on the same request, keeps the stripped path parsed for the rest
 * of the chain, and leaves the request as it found it.
 */
class TrailingSlashFilterTests {

	private static final List<String> PATTERNS = ApiPaths.patterns("/api");

	private final TrailingSlashFilter filter = new TrailingSlashFilter(PATTERNS);

	/** What the filter was before: Spring's filter with these patterns, for a URI that ends with a slash. */
	private final Filter spring = new OncePerRequestFilter() {

		private final UrlHandlerFilter stripper = UrlHandlerFilter
			.trailingSlashHandler(PATTERNS.stream().filter((path) -> path.endsWith("/")).toArray(String[]::new))
			.wrapRequest()
			.build();

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !request.getRequestURI().endsWith("/");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			this.stripper.doFilter(request, response, chain);
		}

	};

	@Test
	void stripsWhateverSpringsFilterStripsAndNothingElse() throws Exception {
		int stripped = 0;
		for (String uri : uris()) {
			String expected = unparsed(seen(this.spring, request("", uri)));
			String actual = seen(this.filter, request("", uri));
			assertThat(unparsed(actual)).as(uri).isEqualTo(expected);
			if (!expected.startsWith(uri + " ") && !expected.endsWith("Exception")) {
				stripped++;
				assertThat(actual).as(uri).endsWith(" parsed=" + uri.substring(0, uri.length() - 1));
			}
		}
		assertThat(stripped).as("requests stripped").isGreaterThan(40);
	}

	@Test
	void stripsLatchkeyPathsUnderAContextPath() throws Exception {
		assertThat(seen(this.filter, request("/ctx", "/api/auth/user/")))
			.isEqualTo("/ctx/api/auth/user /api/auth/user null http://localhost/ctx/api/auth/user parsed=/api/auth/user");
		assertThat(seen(this.filter, request("/ctx", "/ctx/api/auth/user/"))).as("the context path is not the API's")
			.startsWith("/ctx/ctx/api/auth/user/ ");
	}

	@Test
	void keepsTheStrippedPathParsedThenRestoresTheRequest() throws Exception {
		MockHttpServletRequest request = request("", "/api/auth/sessions/42/");
		RequestPath before = ServletRequestPathUtils.parseAndCache(request);

		String seen = seen(this.filter, request);

		assertThat(seen).isEqualTo("/api/auth/sessions/42 /api/auth/sessions/42 null http://localhost/api/auth/sessions/42"
				+ " parsed=/api/auth/sessions/42");
		assertThat(ServletRequestPathUtils.getParsedRequestPath(request)).isSameAs(before);

		MockHttpServletRequest fresh = request("", "/api/token/");
		seen(this.filter, fresh);
		assertThat(ServletRequestPathUtils.hasParsedRequestPath(fresh)).isFalse();
	}

	@Test
	void leavesOtherPathsAndTheOtherSpellingAlone() throws Exception {
		assertThat(seen(this.filter, request("", "/api/auth/user"))).isEqualTo(
				"/api/auth/user /api/auth/user null http://localhost/api/auth/user parsed=none");
		assertThat(seen(this.filter, request("", "/api/orders/7/"))).startsWith("/api/orders/7/ ");
		assertThat(seen(this.filter, request("", "/"))).startsWith("/ ");
	}

	/** A request as Tomcat hands it to a servlet mapped at {@code /}. */
	private static MockHttpServletRequest request(String contextPath, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + uri);
		request.setContextPath(contextPath);
		request.setServletPath(uri);
		return request;
	}

	/**
	 * What the rest of the chain sees: URI, servlet path, path info, URL, and the parsed path it
	 * finds on the request (or the exception a malformed path raised).
	 */
	private static String seen(Filter filter, MockHttpServletRequest request) throws Exception {
		StringBuilder seen = new StringBuilder();
		try {
			filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
				HttpServletRequest next = (HttpServletRequest) req;
				seen.append(next.getRequestURI()).append(' ').append(next.getServletPath()).append(' ')
					.append(next.getPathInfo()).append(' ').append(next.getRequestURL()).append(" parsed=")
					.append(ServletRequestPathUtils.hasParsedRequestPath(next)
							? ServletRequestPathUtils.getParsedRequestPath(next).pathWithinApplication().value() : "none");
			});
		}
		catch (IllegalArgumentException ex) {
			return ex.getClass().getSimpleName();
		}
		return seen.toString();
	}

	/** What the chain saw, less the parsed path (Spring's filter clears it, this one keeps it). */
	private static String unparsed(String seen) {
		return seen.replaceAll(" parsed=.*$", "");
	}


	/** Every spelling of every pattern with its variables filled, their neighbours, and random noise. */
	private static List<String> uris() {
		List<String> uris = new ArrayList<>();
		for (String pattern : PATTERNS) {
			String path = pattern.replaceAll("\\{[^}]*}", "42");
			uris.add(path);
			uris.add(path.toUpperCase());
			uris.add(path + "x");
			uris.add(path + "/extra");
			uris.add(path.replace("/api/", "/api//"));
			uris.add(path.replace("/api/", "/%61pi/"));
			uris.add(path + ";jsessionid=1");
			uris.add("/app" + path);
			uris.add("/other" + path);
			uris.add(path.substring(0, path.length() / 2));
		}
		uris.addAll(List.of("/", "/api", "/api/", "/api/orders", "/bench/ping", "/actuator/health", "/app/api/token/"));
		Random random = new Random(18);
		String alphabet = "/apiuthoknesr%;.-_";
		for (int i = 0; i < 2_000; i++) {
			StringBuilder uri = new StringBuilder("/");
			for (int j = random.nextInt(30); j > 0; j--) {
				uri.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			uris.add(uri.toString());
		}
		return uris;
	}

}
