package dev.latchkey.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import dev.latchkey.token.AccessTokenAuthenticator;
import dev.latchkey.user.UserRepository;
import dev.latchkey.web.AccessTokenResolver;
import dev.latchkey.web.AuthenticatedOrUnserved;
import dev.latchkey.web.ClientInfos;
import dev.latchkey.web.CsrfTokens;
import dev.latchkey.web.DefaultLatchkeyAuthoritiesMapper;
import dev.latchkey.web.error.ErrorRenderer;
import dev.latchkey.web.LatchkeyAuthoritiesMapper;
import dev.latchkey.web.LatchkeyConfigurer;
import dev.latchkey.web.LatchkeySecurity;

/**
 * Latchkey's security for the rest of the application: stateless, JWT-authenticated, DRF-shaped
 * 401/403 bodies. This chain steps aside when the application declares its own
 * {@link SecurityFilterChain} (which adds {@link LatchkeyConfigurer} to authenticate access
 * tokens); Latchkey's own endpoints keep {@link ApiSecurityConfiguration}'s chain either way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class SecurityConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LatchkeyAuthoritiesMapper latchkeyAuthoritiesMapper(LatchkeyProperties properties) {
		return new DefaultLatchkeyAuthoritiesMapper(properties.jwt().authoritiesClaim());
	}

	@Bean
	@ConditionalOnMissingBean
	LatchkeySecurity latchkeySecurity(LatchkeyProperties properties, AccessTokenAuthenticator tokens, UserRepository users,
			CsrfTokens csrf, ErrorRenderer errors, LatchkeyAuthoritiesMapper authorities) {
		AccessTokenResolver resolver = new AccessTokenResolver(properties.jwt().authHeaderType(),
				properties.cookies().accessName());
		return new LatchkeySecurity(resolver, tokens, users, csrf, errors, authorities,
				properties.web().drfAccessDenied());
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain latchkeySecurityFilterChain(HttpSecurity http, LatchkeyProperties properties,
			ClientInfos clients, Environment environment, ObjectProvider<RequestMappingInfoHandlerMapping> endpoints)
			throws Exception {
		harden(http, properties, clients).authorizeHttpRequests((requests) -> {
			requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(permitAll(properties))
				.permitAll()
				// Metrics tell an attacker how a credential-stuffing run is going, and with open sign-up
				// an access token is no access control: actuator endpoints not listed in permit-all
				// (health is, in the server) are for staff users only.
				.requestMatchers(environment.getProperty("management.endpoints.web.base-path", "/actuator") + "/**")
				.hasRole("STAFF");
			if (properties.web().standalone()) {
				requests.anyRequest()
					.access(new AuthenticatedOrUnserved(() -> endpoints.orderedStream().map(HandlerMapping.class::cast).toList()));
			}
			else {
				requests.anyRequest().authenticated();
			}
		});
		return http.build();
	}

	/**
	 * Latchkey on a chain, with the settings of a stateless token API: Django's double-submit CSRF
	 * check instead of Spring's session-based one, CORS, CSP and HSTS, no session, form login or
	 * HTTP basic.
	 */
	static HttpSecurity harden(HttpSecurity http, LatchkeyProperties properties, ClientInfos clients)
			throws Exception {
		// Spring's session-based CSRF protection is replaced by Django's double submit, checked where
		// a cookie authenticates (JwtAuthenticationFilter, RefreshTokenSource).
		return http.csrf((springCsrf) -> springCsrf.disable())
			.cors((cors) -> cors.configurationSource(corsSource(properties.web().corsAllowedOrigins(), properties.web().csrfHeader())))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(properties.web().contentSecurityPolicy()))
				// HSTS on every HTTPS response, also when TLS ends at a trusted proxy (RFC 6797 section 7.2).
				.httpStrictTransportSecurity((hsts) -> hsts.requestMatcher(clients::isSecure)))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.with(LatchkeyConfigurer.latchkey(), Customizer.withDefaults());
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

	private static String[] permitAll(LatchkeyProperties properties) {
		List<String> paths = new ArrayList<>(properties.web().permitAll());
		paths.add("/error");
		return paths.toArray(String[]::new);
	}

}
