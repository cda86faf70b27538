package dev.latchkey.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dev.latchkey.token.ClientInfo;
import dev.latchkey.token.SessionStarter;
import dev.latchkey.token.TokenPair;
import dev.latchkey.user.LoginCheck;
import dev.latchkey.user.User;

/**
 * The end of a sign-in that answers SimpleJWT's pair ({@code POST /api/token/}, the second step of
 * an MFA login, a passkey login): the {@link LoginCheck}s, in {@code @Order}, then a new session,
 * answered as {@code {"refresh", "access"}} plus the token cookies.
 */
public final class SignIn {

	private final SessionStarter sessionStarter;

	private final TokenResponses responses;

	private final List<LoginCheck> checks;

	public SignIn(SessionStarter sessionStarter, TokenResponses responses, List<LoginCheck> checks) {
		this.sessionStarter = sessionStarter;
		this.responses = responses;
		this.checks = List.copyOf(checks);
	}

	/**
	 * Applies every {@link LoginCheck} to a user who just proved who they are.
	 * @throws dev.latchkey.user.InvalidFieldsException when the user may not get a session yet
	 */
	public void check(User user) {
		this.checks.forEach((check) -> check.check(user));
	}

	/**
	 * Checks the user, then starts the session: {@link #check} and {@link #startSession} in one.
	 * @param user who just proved who they are
	 * @param client who is logging in
	 * @param amr how the user authenticated, RFC 8176 method names
	 */
	public ResponseEntity<TokenPairBody> complete(User user, ClientInfo client, List<String> amr) {
		check(user);
		return startSession(user, client, amr);
	}

	/**
	 * Starts a session for a user already checked, and answers its first pair.
	 * @param user who just proved who they are
	 * @param client who is logging in
	 * @param amr how the user authenticated, RFC 8176 method names
	 */
	public ResponseEntity<TokenPairBody> startSession(User user, ClientInfo client, List<String> amr) {
		TokenPair pair = this.sessionStarter.start(user.id(), client, amr);
		return this.responses.respond(HttpStatus.OK, this.responses.tokenBody(pair), pair);
	}

}
