package dev.latchkey.autoconfigure;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;

import dev.latchkey.web.JwtAuthenticationFilter;

/**
 * Warns at start-up of each filter chain that does not authenticate Latchkey's access tokens: on
 * its paths a request with a valid token is anonymous, and a controller asking for the current
 * user gets {@code null}.
 */
final class FilterChainCheck {

	private static final Logger logger = LoggerFactory.getLogger(FilterChainCheck.class);

	private final List<SecurityFilterChain> chains;

	FilterChainCheck(List<SecurityFilterChain> chains) {
		this.chains = chains;
	}

	/** @return how many chains lack Latchkey (each is logged) */
	int warnOfChainsWithoutLatchkey() {
		int missing = 0;
		for (SecurityFilterChain chain : this.chains) {
			if (chain.getFilters().stream().noneMatch(JwtAuthenticationFilter.class::isInstance)) {
				missing++;
				logger.warn("The security filter chain {} does not authenticate Latchkey's access tokens: add "
						+ "http.with(LatchkeyConfigurer.latchkey(), Customizer.withDefaults()) to it, or its "
						+ "requests stay anonymous", describe(chain));
			}
		}
		return missing;
	}

	private static String describe(SecurityFilterChain chain) {
		return (chain instanceof DefaultSecurityFilterChain defaultChain) ? "for " + defaultChain.getRequestMatcher()
				: chain.toString();
	}

}
