package dev.latchkey.web;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;

/**
 * Maps a signed-in user to the authorities Spring Security checks ({@code hasRole},
 * {@code hasAuthority}, {@code @PreAuthorize}): Spring's {@code JwtAuthenticationConverter} for
 * Latchkey's users. Declare a bean to replace {@link DefaultLatchkeyAuthoritiesMapper}.
 */
@FunctionalInterface
public interface LatchkeyAuthoritiesMapper {

	/**
	 * The authorities of a user.
	 * @param user the user, with the claims of the token that authenticated the request
	 * @return the authorities, never {@code null}
	 */
	Collection<? extends GrantedAuthority> authorities(LatchkeyUser user);

}
