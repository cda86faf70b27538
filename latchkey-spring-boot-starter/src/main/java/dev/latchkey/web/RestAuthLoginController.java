package dev.latchkey.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.account.EmailLogin;
import dev.latchkey.mfa.SecondFactors;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.token.TokenPair;
import dev.latchkey.token.TokenService;
import dev.latchkey.user.EmailRules;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.ProfileService;
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

	private final TokenService tokens;

	private final TokenResponses responses;

	private final RestAuthBodies bodies;

	private final ProfileService profiles;

	private final ClientInfos clients;

	private final SecondFactors secondFactors;

	public RestAuthLoginController(EmailLogin logins, TokenService tokens, TokenResponses responses,
			RestAuthBodies bodies, ProfileService profiles, ClientInfos clients) {
		this(logins, tokens, responses, bodies, profiles, clients, null);
	}

	/**
	 * @param secondFactors TOTP second factors, or {@code null} when MFA is off
	 */
	public RestAuthLoginController(EmailLogin logins, TokenService tokens, TokenResponses responses,
			RestAuthBodies bodies, ProfileService profiles, ClientInfos clients, SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
		this.logins = logins;
		this.tokens = tokens;
		this.responses = responses;
		this.bodies = bodies;
		this.profiles = profiles;
		this.clients = clients;
	}

	@SetsCookies
	@PostMapping({ ApiPaths.PREFIX + ApiPaths.REST_AUTH_LOGIN, ApiPaths.PREFIX + ApiPaths.REST_AUTH_LOGIN + "/" })
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
		TokenPair pair = this.tokens.startSession(user.id(), client);
		return this.responses.respond(HttpStatus.OK, this.bodies.body(pair, user, this.profiles.extraFields(user)), pair);
	}

}
