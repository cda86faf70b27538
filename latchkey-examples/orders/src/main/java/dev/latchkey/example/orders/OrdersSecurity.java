package dev.latchkey.example.orders;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import dev.latchkey.web.LatchkeyConfigurer;

/**
 * The application's own filter chain, with Latchkey's access tokens: Latchkey's default chain
 * steps aside for it, and Latchkey's endpoints keep their own chain.
 */
@Configuration(proxyBeanMethods = false)
class OrdersSecurity {

	@Bean
	SecurityFilterChain ordersFilterChain(HttpSecurity http) {
		return http.with(LatchkeyConfigurer.latchkey(), Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				// Spring Boot's error page renders the application's errors: let its dispatch through.
				.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
				.requestMatchers("/api/catalog/**").permitAll()
				.requestMatchers("/internal/**").hasRole("STAFF")
				.anyRequest().authenticated())
			.build();
	}

}
