package dev.latchkey.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import dev.latchkey.token.TokenService;
import dev.latchkey.user.UserRepository;
import dev.latchkey.web.AccessTokenResolver;
import dev.latchkey.web.ApiPaths;
import dev.latchkey.web.ClientInfos;
import dev.latchkey.web.CsrfTokens;
import dev.latchkey.web.DrfAuthenticationEntryPoint;
import dev.latchkey.web.ErrorResponseWriter;
import dev.latchkey.web.JwksController;
import dev.latchkey.web.JwtAuthenticationFilter;

/**
 * Latchkey's default security filter chain: stateless, JWT-authenticated, DRF-shaped 401/403
 * bodies. It steps aside when the application declares its own {@link SecurityFilterChain}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class SecurityConfiguration {

	/** Endpoints anyone may call: they authenticate by what they are sent, not by an access token. */
	static final List<String> PUBLIC_ENDPOINTS = List.of(ApiPaths.SIGN_UP, ApiPaths.TOKEN, "/token/refresh",
			"/token/verify", "/token/blacklist", "/auth/logout", "/auth/csrf", "/token/sliding", "/token/sliding/refresh",
			ApiPaths.PASSWORD_RESET, ApiPaths.PASSWORD_RESET_CONFIRM, ApiPaths.REST_AUTH_LOGIN, ApiPaths.REGISTRATION,
			ApiPaths.VERIFY_EMAIL, ApiPaths.RESEND_EMAIL, ApiPaths.REST_AUTH_REFRESH, ApiPaths.REST_AUTH_VERIFY);

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain latchkeySecurityFilterChain(HttpSecurity http, LatchkeyProperties properties,
			TokenService tokens, UserRepository users, ErrorResponseWriter errorWriter, CsrfTokens csrf,
			ClientInfos clients, Environment environment) throws Exception {
		DrfAuthenticationEntryPoint entryPoint = new DrfAuthenticationEntryPoint(errorWriter);
		AccessTokenResolver resolver = new AccessTokenResolver(properties.jwt().authHeaderType(),
				properties.cookies().accessName());
		// Spring's session-based CSRF protection is replaced by Django's double submit, checked where
		// a cookie authenticates (JwtAuthenticationFilter, RefreshTokenSource).
		http.csrf((springCsrf) -> springCsrf.disable())
			.cors((cors) -> cors.configurationSource(corsSource(properties.web().corsAllowedOrigins(), properties.web().csrfHeader())))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(properties.web().contentSecurityPolicy()))
				// HSTS on every HTTPS response, also when TLS ends at a trusted proxy (RFC 6797 section 7.2).
				.httpStrictTransportSecurity((hsts) -> hsts.requestMatcher(clients::isSecure)))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(entryPoint))
			.addFilterBefore(new JwtAuthenticationFilter(resolver, tokens, users, csrf), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(publicPaths(properties))
				.permitAll()
				// Metrics tell an attacker how a credential-stuffing run is going, and with open sign-up
				// an access token is no access control: actuator endpoints not listed in permit-all
				// (health is, in the server) are for staff users only.
				.requestMatchers(environment.getProperty("management.endpoints.web.base-path", "/actuator") + "/**")
				.hasRole("STAFF")
				.anyRequest()
				.authenticated());
		return http.build();
	}

	/** CORS for front ends on other origins, with credentials; nothing is allowed when none are listed. */
	static CorsConfigurationSource corsSource(List<String> allowedOrigins, String csrfHeader) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!allowedOrigins.isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(allowedOrigins);
			cors.setAllowCredentials(true);
			cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
			cors.setAllowedHeaders(List.of("Authorization", "Content-Type", csrfHeader));
			cors.setMaxAge(3600L);
			source.registerCorsConfiguration("/**", cors);
		}
		return source;
	}

	static String[] publicPaths(LatchkeyProperties properties) {
		List<String> paths = new ArrayList<>();
		String prefix = properties.web().apiPrefix();
		for (String endpoint : PUBLIC_ENDPOINTS) {
			paths.add(prefix + endpoint);
			paths.add(prefix + endpoint + "/");
		}
		paths.add("/error");
		paths.add(JwksController.PATH);
		paths.addAll(properties.web().permitAll());
		return paths.toArray(String[]::new);
	}

}
