package dev.latchkey.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.token.TokenService;

/**
 * {@code POST /api/token/blacklist/}: SimpleJWT's {@code TokenBlacklistView}. Blacklisting a
 * refresh token ends its whole session, access tokens included.
 */
@RestController
public class TokenBlacklistController {

	private final TokenService tokens;

	private final RefreshTokenSource refreshTokens;

	private final ClientInfos clients;

	public TokenBlacklistController(TokenService tokens, RefreshTokenSource refreshTokens, ClientInfos clients) {
		this.tokens = tokens;
		this.refreshTokens = refreshTokens;
		this.clients = clients;
	}

	@PostMapping({ ApiPaths.PREFIX + ApiPaths.BLACKLIST, ApiPaths.PREFIX + ApiPaths.BLACKLIST + "/" })
	Map<String, Object> blacklist(SubmittedForm form, HttpServletRequest request) {
		this.tokens.revokeSession(this.refreshTokens.resolve(form, request), this.clients.from(request));
		return Map.of();
	}

}
