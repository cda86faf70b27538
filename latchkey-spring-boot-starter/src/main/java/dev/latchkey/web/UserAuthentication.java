package dev.latchkey.web;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import dev.latchkey.token.VerifiedToken;
import dev.latchkey.user.User;

/**
 * A request authenticated by a Latchkey access token. The principal is a {@link LatchkeyUser},
 * which carries no password hash, so a controller takes it with
 * {@code @AuthenticationPrincipal LatchkeyUser user}; the credentials are the verified token (its
 * claims), never the token string.
 */
public final class UserAuthentication extends AbstractAuthenticationToken {

	private final transient User user;

	private final LatchkeyUser principal;

	private final VerifiedToken token;

	/**
	 * @param user the stored user, kept for Latchkey's own endpoints and never exposed
	 * @param token the verified access token
	 * @param mapper what maps the user to authorities
	 */
	public UserAuthentication(User user, VerifiedToken token, LatchkeyAuthoritiesMapper mapper) {
		this(user, LatchkeyUser.of(user, token.claims()), token, mapper);
	}

	private UserAuthentication(User user, LatchkeyUser principal, VerifiedToken token,
			LatchkeyAuthoritiesMapper mapper) {
		super(authorities(mapper, principal));
		this.user = user;
		this.principal = principal;
		this.token = token;
		setAuthenticated(true);
	}

	private static Collection<? extends GrantedAuthority> authorities(LatchkeyAuthoritiesMapper mapper,
			LatchkeyUser principal) {
		return mapper.authorities(principal);
	}

	@Override
	public LatchkeyUser getPrincipal() {
		return this.principal;
	}

	@Override
	public VerifiedToken getCredentials() {
		return this.token;
	}

	@Override
	public String getName() {
		return this.principal.username();
	}

	/** The stored user, hash included: for Latchkey's own endpoints (a password change needs it). */
	User user() {
		return this.user;
	}

}
