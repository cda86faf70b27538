package dev.latchkey.web;

import java.io.IOException;

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
import dev.latchkey.web.error.ErrorRenderer;
import dev.latchkey.web.error.DrfAuthenticationEntryPoint;
import dev.latchkey.web.error.ApiError;
import dev.latchkey.fault.Fault;

/**
 * Authenticates a request by its access token: SimpleJWT's five-step pipeline (header, raw token,
 * validated token, user, active). It never answers by itself: a failure is kept on the request
 * so that only endpoints that need a user refuse it (with SimpleJWT's exact body, through
 * {@link DrfAuthenticationEntryPoint}), while sign-up, login and refresh are never blocked by a
 * stale token.
 */
public final class JwtAuthenticationFilter extends OncePerRequestFilter {

	private final AccessTokenResolver tokenResolver;

	private final AccessTokenAuthenticator tokens;

	private final UserRepository users;

	private final CsrfTokens csrf;

	private final LatchkeyAuthoritiesMapper authorities;

	private final ErrorRenderer errors;

	public JwtAuthenticationFilter(AccessTokenResolver tokenResolver, AccessTokenAuthenticator tokens, UserRepository users,
			CsrfTokens csrf, LatchkeyAuthoritiesMapper authorities, ErrorRenderer errors) {
		this.tokenResolver = tokenResolver;
		this.tokens = tokens;
		this.users = users;
		this.csrf = csrf;
		this.authorities = authorities;
		this.errors = errors;
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
		catch (InvalidTokenException ex) {
			fail(request, this.errors.invalidAccessToken(ex));
		}
		catch (Fault ex) {
			fail(request, this.errors.render(ex));
		}
		catch (RuntimeException ex) {
			// A user not seen recently, or a revocation list too old to trust, during an outage.
			if (!DatabaseFailures.isUnavailable(ex)) {
				throw ex;
			}
			fail(request, this.errors.render(ex));
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

	/** Why authentication failed (401, 403 for a CSRF failure, 503), kept for the endpoints that need a user. */
	private static void fail(HttpServletRequest request, ApiError failure) {
		request.setAttribute(DrfAuthenticationEntryPoint.FAILURE_ATTRIBUTE, failure);
	}

	private static final class UserProblem extends Fault {

		private final String code;

		UserProblem(String message, String code) {
			super(message);
			this.code = code;
		}

		@Override
		public Kind kind() {
			return Kind.UNAUTHENTICATED;
		}

		@Override
		public String code() {
			return this.code;
		}

	}

}
