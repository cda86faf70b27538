package dev.latchkey.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.latchkey.database.DatabaseFailures;
import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.token.AccessTokenAuthenticator;
import dev.latchkey.token.VerifiedToken;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;

/**
 * Authenticates a request by its access token: SimpleJWT's five-step pipeline (header, raw token,
 * validated token, user, active). It never answers by itself: a failure is kept on the request
 * so that only endpoints that need a user refuse it (with SimpleJWT's exact body, through
 * {@link DrfAuthenticationEntryPoint}), while sign-up, login and refresh are never blocked by a
 * stale token.
 */
public final class JwtAuthenticationFilter extends OncePerRequestFilter {

	/** Request attribute holding the error body of a failed authentication. */
	static final String FAILURE_ATTRIBUTE = JwtAuthenticationFilter.class.getName() + ".failure";

	private final AccessTokenResolver tokenResolver;

	private final AccessTokenAuthenticator tokens;

	private final UserRepository users;

	private final CsrfTokens csrf;

	private final LatchkeyAuthoritiesMapper authorities;

	public JwtAuthenticationFilter(AccessTokenResolver tokenResolver, AccessTokenAuthenticator tokens, UserRepository users,
			CsrfTokens csrf, LatchkeyAuthoritiesMapper authorities) {
		this.tokenResolver = tokenResolver;
		this.tokens = tokens;
		this.users = users;
		this.csrf = csrf;
		this.authorities = authorities;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			AccessTokenResolver.ResolvedToken resolved = this.tokenResolver.resolve(request);
			if (resolved != null) {
				checkCsrf(request, resolved);
				authenticate(resolved.token());
			}
		}
		catch (AccessTokenResolver.BadAuthorizationHeaderException ex) {
			fail(request, HttpServletResponse.SC_UNAUTHORIZED, ErrorBody.detail(ex.getMessage(), "bad_authorization_header"));
		}
		catch (InvalidTokenException ex) {
			fail(request, HttpServletResponse.SC_UNAUTHORIZED, ErrorBody.invalidAccessToken(ex));
		}
		catch (UserProblem ex) {
			fail(request, HttpServletResponse.SC_UNAUTHORIZED, ErrorBody.detail(ex.getMessage(), ex.code));
		}
		catch (ClientErrorException ex) {
			fail(request, ex.status().value(), ErrorBody.detail(ex.getMessage()));
		}
		catch (RuntimeException ex) {
			// A user not seen recently, or a revocation list too old to trust, during an outage.
			if (!DatabaseFailures.isUnavailable(ex)) {
				throw ex;
			}
			fail(request, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorBody.detail(ErrorBody.SERVICE_UNAVAILABLE));
		}
		chain.doFilter(request, response);
	}

	/** A cookie the browser sends by itself authenticates an unsafe request only with the CSRF header. */
	private void checkCsrf(HttpServletRequest request, AccessTokenResolver.ResolvedToken resolved) {
		if (resolved.fromCookie() && CsrfTokens.isUnsafe(request.getMethod())) {
			this.csrf.verify(request);
		}
	}

	private void authenticate(String raw) {
		VerifiedToken token = this.tokens.authenticate(raw);
		User user = this.users.findById(token.userId()).orElseThrow(() -> new UserProblem("User not found", "user_not_found"));
		if (!user.active()) {
			throw new UserProblem("User is inactive", "user_inactive");
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UserAuthentication(user, token, this.authorities));
		SecurityContextHolder.setContext(context);
	}

	private static void fail(HttpServletRequest request, int status, Map<String, Object> body) {
		request.setAttribute(FAILURE_ATTRIBUTE, new Failure(status, body));
	}

	/**
	 * Why authentication failed, kept for the endpoints that need a user.
	 *
	 * @param status 401, 403 for a CSRF failure, or 503 when the database is unavailable
	 * @param body the DRF-shaped body
	 */
	record Failure(int status, Map<String, Object> body) {
	}

	private static final class UserProblem extends RuntimeException {

		private final String code;

		UserProblem(String message, String code) {
			super(message, null, false, false);
			this.code = code;
		}

	}

}
