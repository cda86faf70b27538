package dev.latchkey.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApiPathMatcher} answers exactly what Spring Security's matchers for the same patterns
 * answer, for Latchkey's paths and everything around them.
 */
class ApiPathMatcherTests {

	private static final List<String> PATTERNS = ApiPaths.patterns("/api");

	@Test
	void matchesWhateverTheSameBuildersMatchersMatch() {
		for (PathPatternRequestMatcher.Builder builder : List.of(PathPatternRequestMatcher.withDefaults(),
				PathPatternRequestMatcher.withDefaults().basePath("/app"))) {
			for (List<String> patterns : List.of(PATTERNS, ApiPaths.publicPatterns("/api"))) {
				RequestMatcher expected = new OrRequestMatcher(
						patterns.stream().map((pattern) -> (RequestMatcher) builder.matcher(pattern)).toList());
				ApiPathMatcher matcher = new ApiPathMatcher(builder, patterns);
				for (String uri : uris()) {
					for (String contextPath : List.of("", "/ctx")) {
						MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + uri);
						request.setContextPath(contextPath);
						assertThat(outcome(matcher, request)).as("%s under '%s'", uri, contextPath)
							.isEqualTo(outcome(expected, request));
					}
				}
			}
		}
	}

	@Test
	void matchesLatchkeyPathsAndNothingElse() {
		ApiPathMatcher matcher = new ApiPathMatcher(PathPatternRequestMatcher.withDefaults(), PATTERNS);

		assertThat(matcher.matches(new MockHttpServletRequest("GET", "/api/auth/user"))).isTrue();
		assertThat(matcher.matches(new MockHttpServletRequest("GET", "/api/auth/user/"))).isTrue();
		assertThat(matcher.matches(new MockHttpServletRequest("GET", "/api/auth/sessions/abc/"))).isTrue();
		assertThat(matcher.matches(new MockHttpServletRequest("GET", "/api/auth/%75ser"))).as("encoded").isTrue();
		assertThat(matcher.matches(new MockHttpServletRequest("GET", "/api/orders/7"))).isFalse();
		assertThat(matcher.matches(new MockHttpServletRequest("GET", "/bench/ping"))).isFalse();
	}

	/** {@code true}, {@code false}, or the exception a malformed path raised. */
	private static String outcome(RequestMatcher matcher, MockHttpServletRequest request) {
		try {
			return String.valueOf(matcher.matches(request));
		}
		catch (IllegalArgumentException ex) {
			return ex.getClass().getSimpleName();
		}
	}

	/** Every spelling of every pattern with its variables filled, their neighbours, and random noise. */
	static List<String> uris() {
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
