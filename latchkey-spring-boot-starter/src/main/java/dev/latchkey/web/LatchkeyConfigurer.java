package dev.latchkey.web;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;

/**
 * Adds Latchkey's access-token authentication and DRF-shaped 401/403 answers to a filter chain
 * the application writes itself, as {@code http.oauth2ResourceServer(...)} does for a resource
 * server:
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain api(HttpSecurity http) throws Exception {
 *     http.with(LatchkeyConfigurer.latchkey(), Customizer.withDefaults())
 *         .authorizeHttpRequests((requests) -> requests
 *             .requestMatchers("/internal/**").hasRole("STAFF")
 *             .anyRequest().authenticated());
 *     return http.build();
 * }
 * }</pre>
 *
 * Latchkey's own endpoints keep their own chain, whatever chains the application declares.
 */
public final class LatchkeyConfigurer extends AbstractHttpConfigurer<LatchkeyConfigurer, HttpSecurity> {

	private LatchkeyConfigurer() {
	}

	/**
	 * A configurer for {@code http.with(...)}.
	 * @return a new configurer
	 */
	public static LatchkeyConfigurer latchkey() {
		return new LatchkeyConfigurer();
	}

	@Override
	public void init(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		context.getBean(LatchkeySecurity.class).applyTo(http);
	}

}
