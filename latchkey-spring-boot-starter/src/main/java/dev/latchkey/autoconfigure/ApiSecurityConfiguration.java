package dev.latchkey.autoconfigure;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.latchkey.web.ApiPaths;
import dev.latchkey.web.ClientInfos;

/**
 * The filter chain of Latchkey's own endpoints (sign-up, tokens, the current user, sessions, the
 * JWK Set, the user administration), ahead of any chain of the application, so that an
 * application declaring its own chains never loses them. Its public endpoints need no token, the
 * administration a superuser's, the others an access token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

	/** Ahead of the application's chains, whose matchers may cover Latchkey's paths too. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	@Order(ORDER)
	@ConditionalOnMissingBean(name = "latchkeyApiSecurityFilterChain")
	SecurityFilterChain latchkeyApiSecurityFilterChain(HttpSecurity http, LatchkeyProperties properties,
			ClientInfos clients) throws Exception {
		http.securityMatcher(ApiPaths.patterns(properties.web().apiPrefix()).toArray(String[]::new));
		SecurityConfiguration.harden(http, properties, clients)
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(ApiPaths.publicPatterns(properties.web().apiPrefix()).toArray(String[]::new))
				.permitAll()
				.requestMatchers(properties.web().apiPrefix() + ApiPaths.ADMIN_USERS + "/**")
				.hasRole("SUPERUSER")
				.anyRequest()
				.authenticated());
		return http.build();
	}

	@Bean
	static SmartInitializingSingleton latchkeyFilterChainCheck(ObjectProvider<SecurityFilterChain> chains) {
		return () -> new FilterChainCheck(chains.orderedStream().toList()).warnOfChainsWithoutLatchkey();
	}

}
