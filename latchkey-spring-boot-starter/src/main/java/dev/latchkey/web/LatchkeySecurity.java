package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import dev.latchkey.token.AccessTokenAuthenticator;
import dev.latchkey.user.UserRepository;
import dev.latchkey.web.error.ErrorRenderer;
import dev.latchkey.web.error.DrfAuthenticationEntryPoint;

/**
 * What Latchkey adds to a security filter chain, whoever builds it: access-token authentication
 * ({@link JwtAuthenticationFilter}) and DRF-shaped 401 and 403 answers. Applied through
 * {@link LatchkeyConfigurer}, by Latchkey's own chains and by the application's.
 */
public final class LatchkeySecurity {

	private final AccessTokenResolver resolver;

	private final AccessTokenAuthenticator tokens;

	private final UserRepository users;

	private final CsrfTokens csrf;

	private final ErrorRenderer errors;

	private final LatchkeyAuthoritiesMapper authorities;

	private final boolean drfAccessDenied;

	public LatchkeySecurity(AccessTokenResolver resolver, AccessTokenAuthenticator tokens, UserRepository users, CsrfTokens csrf,
			ErrorRenderer errors, LatchkeyAuthoritiesMapper authorities, boolean drfAccessDenied) {
		this.resolver = resolver;
		this.tokens = tokens;
		this.users = users;
		this.csrf = csrf;
		this.errors = errors;
		this.authorities = authorities;
		this.drfAccessDenied = drfAccessDenied;
	}

	/**
	 * Latchkey's error answers without token authentication: for a test slice
	 * ({@code @WebMvcTest}) whose requests carry their user already, with no token service or
	 * database behind them.
	 * @param errors writes the DRF-shaped bodies
	 * @param authorities what maps a user to authorities
	 * @param drfAccessDenied whether a denied request gets DRF's 403 body
	 * @return security that adds no token filter
	 */
	public static LatchkeySecurity withoutTokenAuthentication(ErrorRenderer errors,
			LatchkeyAuthoritiesMapper authorities, boolean drfAccessDenied) {
		return new LatchkeySecurity(null, null, null, null, errors, authorities, drfAccessDenied);
	}

	/** @return what maps a signed-in user to authorities */
	public LatchkeyAuthoritiesMapper authoritiesMapper() {
		return this.authorities;
	}

	/**
	 * Adds Latchkey's authentication and error answers to a chain.
	 * @param http the chain being built
	 */
	public void applyTo(HttpSecurity http) {
		DrfAuthenticationEntryPoint entryPoint = new DrfAuthenticationEntryPoint(this.errors);
		http.exceptionHandling((exceptions) -> {
			exceptions.authenticationEntryPoint(entryPoint);
			if (this.drfAccessDenied) {
				exceptions.accessDeniedHandler(entryPoint);
			}
		});
		if (http.getConfigurer(CsrfConfigurer.class) != null) {
			// A bearer token is no ambient credential, and a cookie-authenticated request is held to
			// Django's double submit by JwtAuthenticationFilter itself (as the resource server does).
			// In a test slice the request carries its Latchkey user already.
			http.csrf((springCsrf) -> springCsrf.ignoringRequestMatchers(
					(this.resolver != null) ? this::carriesAccessToken : LatchkeySecurity::signedInByTest));
		}
		if (this.resolver == null) {
			return;
		}
		http.addFilterBefore(new JwtAuthenticationFilter(this.resolver, this.tokens, this.users, this.csrf,
				this.authorities, this.errors), AnonymousAuthenticationFilter.class);
	}

	private static boolean signedInByTest(HttpServletRequest request) {
		return SecurityContextHolder.getContext().getAuthentication() instanceof UserAuthentication;
	}

	private boolean carriesAccessToken(HttpServletRequest request) {
		try {
			return this.resolver.resolve(request) != null;
		}
		catch (AccessTokenResolver.BadAuthorizationHeaderException ex) {
			return true;
		}
	}

}
