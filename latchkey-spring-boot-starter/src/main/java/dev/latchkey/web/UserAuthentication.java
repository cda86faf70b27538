package dev.latchkey.web;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import dev.latchkey.token.VerifiedToken;
import dev.latchkey.user.User;

/**
 * A request authenticated by a Latchkey access token. The principal is the {@link User}, so a
 * controller takes it with {@code @AuthenticationPrincipal User user}; the credentials are the
 * verified token (its claims), never the token string.
 */
public final class UserAuthentication extends AbstractAuthenticationToken {

	private final User user;

	private final VerifiedToken token;

	public UserAuthentication(User user, VerifiedToken token) {
		super(user.staff() ? List.of(new SimpleGrantedAuthority("ROLE_STAFF")) : List.of());
		this.user = user;
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public User getPrincipal() {
		return this.user;
	}

	@Override
	public VerifiedToken getCredentials() {
		return this.token;
	}

	@Override
	public String getName() {
		return this.user.username();
	}

}
