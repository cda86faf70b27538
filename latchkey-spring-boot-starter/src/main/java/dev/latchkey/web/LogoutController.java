package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.token.UserSessions;
import dev.latchkey.token.Logout;
import dev.latchkey.user.InvalidFieldsException;
import dev.latchkey.web.error.ClientErrorException;

/**
 * {@code POST /api/auth/logout/} (dj-rest-auth's {@code LogoutView}: blacklists the refresh token,
 * ending its session) and {@code POST /api/auth/logout-all/} (ends every session of the user).
 * Both always delete the token cookies, with the attributes they were set with.
 */
@RestController
public class LogoutController {

	static final DetailBody LOGGED_OUT = new DetailBody("Successfully logged out.");

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
	@PostMapping(ApiPaths.PREFIX + ApiPaths.LOGOUT)
	DetailBody logout(SubmittedForm form, HttpServletRequest request, HttpServletResponse response) {
		String refreshToken = refreshTokenOf(form, request);
		// From here on, the answer deletes the token cookies whether the token was good or not.
		this.responses.clearCookies(response);
		if (refreshToken == null) {
			throw new ClientErrorException(HttpStatus.UNAUTHORIZED, "Refresh token was not included in request data.");
		}
		this.logout.logout(refreshToken, this.clients.from(request));
		return LOGGED_OUT;
	}

	@SetsCookies
	@PostMapping(ApiPaths.PREFIX + ApiPaths.LOGOUT_ALL)
	DetailBody logoutAll(UserAuthentication authentication, HttpServletRequest request, HttpServletResponse response) {
		this.sessions.revokeAll(authentication.getPrincipal().id(), this.clients.from(request));
		this.responses.clearCookies(response);
		return LOGGED_OUT;
	}

	/**
	 * dj-rest-auth's logout reads the token itself: a missing or malformed one is its 401, not a
	 * field error. A refused CSRF check still fails first, and deletes nothing.
	 */
	private String refreshTokenOf(SubmittedForm form, HttpServletRequest request) {
		try {
			return this.refreshTokens.resolve(form, request);
		}
		catch (InvalidFieldsException ex) {
			return null;
		}
	}

}
