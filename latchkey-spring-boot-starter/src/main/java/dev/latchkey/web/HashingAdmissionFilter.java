package dev.latchkey.web;

import java.io.IOException;
import java.util.Set;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.latchkey.password.HashingBusyException;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.web.error.ErrorRenderer;

/**
 * Answers 503 at once, before security, parsing and any database query, a request to an endpoint
 * that hashes a password while the hashing queue is past its budget. Under a burst of logins far
 * beyond capacity, the refusals then cost little of the CPU that the admitted hashes and the
 * other requests need. A request let through here may still be refused when its hash is asked
 * for; the answer is the same.
 */
public final class HashingAdmissionFilter extends OncePerRequestFilter {

	private final PasswordHasher hasher;

	private final Set<String> paths;

	private final ErrorRenderer errors;

	/**
	 * @param hasher the password hasher (a pool refuses; others admit everything)
	 * @param prefix the API prefix, e.g. {@code /api}
	 * @param errors writes the error body
	 */
	public HashingAdmissionFilter(PasswordHasher hasher, String prefix, ErrorRenderer errors) {
		this.hasher = hasher;
		this.errors = errors;
		this.paths = Set.copyOf(ApiPaths.spellings(prefix, List.of(ApiPaths.TOKEN, ApiPaths.SLIDING, ApiPaths.SIGN_UP,
				ApiPaths.PASSWORD_CHANGE, ApiPaths.REST_AUTH_LOGIN, ApiPaths.REGISTRATION, ApiPaths.PASSWORD_RESET_CONFIRM)));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !this.paths.contains(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.hasher.checkAdmission();
		}
		catch (HashingBusyException ex) {
			this.errors.write(response, this.errors.render(ex));
			return;
		}
		chain.doFilter(request, response);
	}

}
