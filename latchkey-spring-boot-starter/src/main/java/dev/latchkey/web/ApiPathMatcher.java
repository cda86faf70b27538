package dev.latchkey.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches a request against a list of Latchkey's path patterns as Spring Security's own
 * {@code requestMatchers(String...)} does (one {@link PathPatternRequestMatcher} per pattern, from
 * the same builder), but skips every pattern the request cannot match: a pattern matches only a
 * path that contains its leading literal text ({@code /api/auth/sessions/} of
 * {@code /api/auth/sessions/{id}}). Every request of the application passes through Latchkey's
 * chain matcher, and a Latchkey request through its authorization rules: without this each of
 * them parsed and matched some 80 patterns (BENCHMARKS.md section 12).
 *
 * <p>The shortcut is taken only when it cannot change the answer: the request URI contains no
 * percent-encoding and no {@code ;} (the patterns match the decoded path without matrix
 * variables), and the comparison ignores case (a builder may be case-insensitive).
 */
public final class ApiPathMatcher implements RequestMatcher {

	private final List<Candidate> candidates;

	/**
	 * @param builder the builder Spring Security would use ({@code PathPatternRequestMatcher.Builder}
	 * bean, else {@link PathPatternRequestMatcher#withDefaults()})
	 * @param patterns the path patterns
	 */
	public ApiPathMatcher(PathPatternRequestMatcher.Builder builder, List<String> patterns) {
		this.candidates = patterns.stream()
			.map((pattern) -> new Candidate(leadingLiteral(pattern), builder.matcher(pattern)))
			.toList();
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String plain = isPlain(uri) ? uri.toLowerCase(Locale.ROOT) : null;
		for (Candidate candidate : this.candidates) {
			if ((plain == null || plain.contains(candidate.literal())) && candidate.matcher().matches(request)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the URI's text is the path the patterns are matched against: no percent-encoding to
	 * decode, no matrix variables to drop.
	 */
	static boolean isPlain(String uri) {
		return uri != null && uri.indexOf('%') < 0 && uri.indexOf(';') < 0;
	}

	/** The text before the pattern's first variable or wildcard, lower case. */
	static String leadingLiteral(String pattern) {
		int end = pattern.length();
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				end = i;
				break;
			}
		}
		return pattern.substring(0, end).toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return "ApiPathMatcher " + this.candidates.stream().map((candidate) -> candidate.matcher().toString()).toList();
	}

	private record Candidate(String literal, RequestMatcher matcher) {
	}

}
