package dev.latchkey.otherservice;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Another service of the fleet, outside Latchkey's packages so the server's component scan never
 * sees it: its own controller, Spring's resource server pointed at Latchkey's JWKS, and one
 * validator line.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OtherService {

	@Bean
	JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		// Latchkey's refresh tokens are signed by the same key: only access tokens may call APIs.
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
				new JwtClaimValidator<String>("token_type", "access"::equals)));
		return decoder;
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
			}))
			.build();
	}

	/** Registered as a member class of this configuration. */
	@RestController
	static class OrdersController {

		@GetMapping("/orders")
		Map<String, Object> orders(@AuthenticationPrincipal Jwt jwt) {
			return Map.of("user_id", jwt.getClaims().get("user_id"));
		}

	}

}
