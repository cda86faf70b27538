package dev.latchkey.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.token.UserSessions;
import dev.latchkey.token.Logout;
import dev.latchkey.user.InvalidFieldsException;

/**
 * {@code POST /api/auth/logout/} (dj-rest-auth's {@code LogoutView}: blacklists the refresh token,
 * ending its session) and {@code POST /api/auth/logout-all/} (ends every session of the user).
 * Both always delete the token cookies, with the attributes they were set with.
 */
@RestController
public class LogoutController {

	static final Map<String, Object> LOGGED_OUT = ErrorBody.detail("Successfully logged out.");

	private final Logout logout;

	private final UserSessions sessions;

	private final RefreshTokenSource refreshTokens;

	private final TokenResponses responses;

	private final ClientInfos clients;

	public LogoutController(Logout logout, UserSessions sessions, RefreshTokenSource refreshTokens,
			TokenResponses responses, ClientInfos clients) {
		this.logout = logout;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.responses = responses;
		this.clients = clients;
	}

	@SetsCookies
	@PostMapping({ ApiPaths.PREFIX + ApiPaths.LOGOUT, ApiPaths.PREFIX + ApiPaths.LOGOUT + "/" })
	ResponseEntity<Map<String, Object>> logout(SubmittedForm form, HttpServletRequest request) {
		try {
			this.logout.logout(this.refreshTokens.resolve(form, request), this.clients.from(request));
		}
		catch (InvalidFieldsException ex) {
			return this.responses.clearing(HttpStatus.UNAUTHORIZED,
					ErrorBody.detail("Refresh token was not included in request data."));
		}
		catch (InvalidTokenException ex) {
			return this.responses.clearing(HttpStatus.UNAUTHORIZED, ErrorBody.invalidToken(ex));
		}
		return this.responses.clearing(HttpStatus.OK, LOGGED_OUT);
	}

	@SetsCookies
	@PostMapping({ ApiPaths.PREFIX + ApiPaths.LOGOUT_ALL, ApiPaths.PREFIX + ApiPaths.LOGOUT_ALL + "/" })
	ResponseEntity<Map<String, Object>> logoutAll(UserAuthentication authentication, HttpServletRequest request) {
		this.sessions.revokeAll(authentication.getPrincipal().id(), this.clients.from(request));
		return this.responses.clearing(HttpStatus.OK, LOGGED_OUT);
	}

}
