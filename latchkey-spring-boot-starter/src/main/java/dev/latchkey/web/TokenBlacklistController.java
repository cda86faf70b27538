package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.token.Logout;

/**
 * {@code POST /api/token/blacklist/}: SimpleJWT's {@code TokenBlacklistView}. Blacklisting a
 * refresh token ends its whole session, access tokens included.
 */
@RestController
public class TokenBlacklistController {

	private final Logout logout;

	private final RefreshTokenSource refreshTokens;

	private final ClientInfos clients;

	public TokenBlacklistController(Logout logout, RefreshTokenSource refreshTokens, ClientInfos clients) {
		this.logout = logout;
		this.refreshTokens = refreshTokens;
		this.clients = clients;
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.BLACKLIST)
	EmptyBody blacklist(SubmittedForm form, HttpServletRequest request) {
		this.logout.logout(this.refreshTokens.resolve(form, request), this.clients.from(request));
		return EmptyBody.INSTANCE;
	}

}
