package dev.latchkey.test.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.latchkey.web.DefaultLatchkeyAuthoritiesMapper;
import dev.latchkey.web.error.ErrorRenderer;
import dev.latchkey.web.LatchkeyAuthoritiesMapper;
import dev.latchkey.web.LatchkeyConfigurer;
import dev.latchkey.web.LatchkeySecurity;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SliceSecurityConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LatchkeyAuthoritiesMapper latchkeyAuthoritiesMapper() {
		return new DefaultLatchkeyAuthoritiesMapper(null);
	}

	@Bean
	@ConditionalOnMissingBean
	LatchkeySecurity latchkeySecurity(LatchkeyAuthoritiesMapper authorities) {
		return LatchkeySecurity.withoutTokenAuthentication(new ErrorRenderer(), authorities, true);
	}

	/** Latchkey's default for the rest of the application: every request needs a user. */
	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain latchkeySecurityFilterChain(HttpSecurity http) {
		return http.csrf((csrf) -> csrf.disable())
			.with(LatchkeyConfigurer.latchkey(), Customizer.withDefaults())
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.build();
	}

}
