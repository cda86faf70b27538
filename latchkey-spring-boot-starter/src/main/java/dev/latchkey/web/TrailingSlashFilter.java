package dev.latchkey.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * DRF spells every path with a trailing slash, and clients send both spellings: on Latchkey's
 * paths only, the slash is dropped before security and MVC see the request, so each controller
 * maps one spelling and answers both alike. This is what Spring's {@code UrlHandlerFilter} does
 * with {@code wrapRequest()}, but:
 * <ul>
 * <li>the path is matched within the application: {@code UrlHandlerFilter} matches its patterns
 * against the whole path, context path included, so under {@code server.servlet.context-path}
 * nothing was stripped and {@code POST /ctx/api/token/} answered 404;</li>
 * <li>the stripped path is parsed once and kept on the request while it passes the rest of the
 * chain, where {@code UrlHandlerFilter} cleared it and each of Spring Security's path matchers
 * then parsed it again.</li>
 * </ul>
 * A request whose path does not end with a slash passes without any pattern being matched.
 */
public final class TrailingSlashFilter extends OncePerRequestFilter {

	private final List<PathPattern> patterns;

	/**
	 * @param paths Latchkey's path patterns ({@link ApiPaths#patterns}); those that end with a slash
	 * are the ones whose slash is dropped
	 */
	public TrailingSlashFilter(List<String> paths) {
		PathPatternParser parser = new PathPatternParser();
		this.patterns = paths.stream().filter((path) -> path.endsWith("/")).map(parser::parse).toList();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.length() < 2 || uri.charAt(uri.length() - 1) != '/';
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestPath path = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request) : ServletRequestPathUtils.parse(request);
		if (!isLatchkeyPathWithSlash(path.pathWithinApplication())) {
			chain.doFilter(request, response);
			return;
		}
		HttpServletRequest stripped = new Stripped(request);
		RequestPath previous = (RequestPath) request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		ServletRequestPathUtils.parseAndCache(stripped);
		try {
			chain.doFilter(stripped, response);
		}
		finally {
			if (previous != null) {
				ServletRequestPathUtils.setParsedRequestPath(previous, request);
			}
			else {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

	private boolean isLatchkeyPathWithSlash(PathContainer path) {
		List<PathContainer.Element> elements = path.elements();
		if (elements.size() < 2 || !"/".equals(elements.get(elements.size() - 1).value())) {
			return false;
		}
		for (PathPattern pattern : this.patterns) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	/** Everything up to the last slash. */
	static String trim(String path) {
		int slash = StringUtils.hasLength(path) ? path.lastIndexOf('/') : -1;
		return (slash != -1) ? path.substring(0, slash) : path;
	}

	/** The request without its trailing slash, except while it is forwarded. */
	private static final class Stripped extends HttpServletRequestWrapper {

		private final String requestUri;

		private final String servletPath;

		private final String pathInfo;

		Stripped(HttpServletRequest request) {
			super(request);
			String pathInfo = request.getPathInfo();
			boolean hasPathInfo = StringUtils.hasText(pathInfo);
			this.requestUri = trim(request.getRequestURI());
			this.servletPath = hasPathInfo ? request.getServletPath() : trim(request.getServletPath());
			this.pathInfo = hasPathInfo ? trim(pathInfo) : pathInfo;
		}

		@Override
		public String getRequestURI() {
			return forwarded() ? super.getRequestURI() : this.requestUri;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = super.getRequestURL();
			return forwarded() ? url : new StringBuffer(trim(url.toString()));
		}

		@Override
		public String getServletPath() {
			return forwarded() ? super.getServletPath() : this.servletPath;
		}

		@Override
		public String getPathInfo() {
			return forwarded() ? super.getPathInfo() : this.pathInfo;
		}

		private boolean forwarded() {
			return getDispatcherType() == DispatcherType.FORWARD;
		}

	}

}
