package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.account.EmailLogin;
import dev.latchkey.mfa.SecondFactors;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.token.TokenPair;
import dev.latchkey.token.SessionStarter;
import dev.latchkey.user.EmailRules;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.Profiles;
import dev.latchkey.user.User;

/**
 * {@code POST /api/auth/login/}: dj-rest-auth's {@code LoginView} with JWT. A username or an
 * email, and a password; answers {@code {"access", "refresh", "user"}} and the token cookies.
 */
@RestController
public class RestAuthLoginController {

	private static final CharField USERNAME = new CharField("username", false, true, 65536);

	private static final CharField EMAIL = new CharField("email", false, true, EmailRules.MAX_LENGTH);

	private static final CharField PASSWORD = CharField.required("password", CharField.PASSWORD_MAX_LENGTH);

	private final EmailLogin logins;

	private final SessionStarter sessionStarter;

	private final TokenResponses responses;

	private final RestAuthBodies bodies;

	private final Profiles profiles;

	private final ClientInfos clients;

	private final SecondFactors secondFactors;

	public RestAuthLoginController(EmailLogin logins, SessionStarter sessionStarter, TokenResponses responses,
			RestAuthBodies bodies, Profiles profiles, ClientInfos clients) {
		this(logins, sessionStarter, responses, bodies, profiles, clients, null);
	}

	/**
	 * @param secondFactors TOTP second factors, or {@code null} when MFA is off
	 */
	public RestAuthLoginController(EmailLogin logins, SessionStarter sessionStarter, TokenResponses responses,
			RestAuthBodies bodies, Profiles profiles, ClientInfos clients, SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
		this.logins = logins;
		this.sessionStarter = sessionStarter;
		this.responses = responses;
		this.bodies = bodies;
		this.profiles = profiles;
		this.clients = clients;
	}

	@SetsCookies
	@PostMapping(ApiPaths.PREFIX + ApiPaths.REST_AUTH_LOGIN)
	// Either the usual answer, or {"mfa_required": true, ...} when a second factor is due.
	ResponseEntity<?> login(SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String username = form.string(USERNAME, errors);
		String email = form.string(EMAIL, errors);
		String password = form.string(PASSWORD, errors);
		errors.throwIfAny();
		ClientInfo client = this.clients.from(request);
		User user = this.logins.login(username, email, password, client);
		if (this.secondFactors != null && this.secondFactors.isRequired(user)) {
			return ResponseEntity.ok(MfaRequiredBody.of(this.secondFactors.startLogin(user)));
		}
		TokenPair pair = this.sessionStarter.start(user.id(), client);
		return this.responses.respond(HttpStatus.OK, this.bodies.body(pair, user, this.profiles.extraFields(user)), pair);
	}

}
