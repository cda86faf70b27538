package dev.latchkey.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * DRF spells every path with a trailing slash, and clients send both spellings: on Latchkey's
 * paths only, the slash is dropped (Spring's {@link UrlHandlerFilter}) before security and MVC see
 * the request, so each controller maps one spelling and answers both alike. A request whose path
 * does not end with a slash (every authenticated GET of the application, most calls) passes
 * without any pattern being matched.
 */
public final class TrailingSlashFilter extends OncePerRequestFilter {

	private final UrlHandlerFilter stripper;

	/**
	 * @param paths Latchkey's path patterns ({@link ApiPaths#patterns})
	 */
	public TrailingSlashFilter(List<String> paths) {
		this.stripper = UrlHandlerFilter
			.trailingSlashHandler(paths.stream().filter((path) -> path.endsWith("/")).toArray(String[]::new))
			.wrapRequest()
			.build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.length() < 2 || uri.charAt(uri.length() - 1) != '/';
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.stripper.doFilter(request, response, chain);
	}

}
