package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.token.TokenRefresher;

/**
 * {@code POST /api/token/refresh/}: SimpleJWT's {@code TokenRefreshView}, with rotation and reuse
 * detection. Takes the token from the body, else from the refresh cookie. Also at dj-rest-auth's
 * {@code /api/auth/token/refresh/}.
 */
@RestController
public class TokenRefreshController {

	private final TokenRefresher refresher;

	private final RefreshTokenSource refreshTokens;

	private final TokenResponses responses;

	private final ClientInfos clients;

	public TokenRefreshController(TokenRefresher refresher, RefreshTokenSource refreshTokens,
			TokenResponses responses, ClientInfos clients) {
		this.refresher = refresher;
		this.refreshTokens = refreshTokens;
		this.responses = responses;
		this.clients = clients;
	}

	@SetsCookies
	@PostMapping({ ApiPaths.PREFIX + ApiPaths.REFRESH, ApiPaths.PREFIX + ApiPaths.REST_AUTH_REFRESH })
	ResponseEntity<AccessFirstBody> refresh(SubmittedForm form, HttpServletRequest request) {
		return this.responses.refreshed(this.refresher.refresh(this.refreshTokens.resolve(form, request),
				this.clients.from(request)));
	}

}
