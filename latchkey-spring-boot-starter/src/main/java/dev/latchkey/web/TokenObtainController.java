package dev.latchkey.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.mfa.SecondFactors;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.token.TokenPair;
import dev.latchkey.token.SessionStarter;
import dev.latchkey.user.LoginCheck;
import dev.latchkey.user.PasswordLogin;
import dev.latchkey.user.User;

/**
 * {@code POST /api/token/}: SimpleJWT's {@code TokenObtainPairView}. Starts a session and answers
 * {@code {"refresh", "access"}} plus the token cookies.
 */
@RestController
public class TokenObtainController {

	private final PasswordLogin logins;

	private final SessionStarter sessionStarter;

	private final TokenResponses responses;

	private final ClientInfos clients;

	private final List<LoginCheck> checks;

	private final SecondFactors secondFactors;

	public TokenObtainController(PasswordLogin logins, SessionStarter sessionStarter, TokenResponses responses,
			ClientInfos clients, List<LoginCheck> checks) {
		this(logins, sessionStarter, responses, clients, checks, null);
	}

	/**
	 * @param secondFactors TOTP second factors, or {@code null} when MFA is off
	 */
	public TokenObtainController(PasswordLogin logins, SessionStarter sessionStarter, TokenResponses responses,
			ClientInfos clients, List<LoginCheck> checks, SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
		this.checks = List.copyOf(checks);
		this.logins = logins;
		this.sessionStarter = sessionStarter;
		this.responses = responses;
		this.clients = clients;
	}

	@SetsCookies
	@PostMapping(ApiPaths.PREFIX + ApiPaths.TOKEN)
	// Either the pair, or {"mfa_required": true, ...} when a second factor is due.
	// Either the pair, or {"mfa_required": true, ...} when a second factor is due.
	ResponseEntity<?> obtain(SubmittedForm form, HttpServletRequest request) {
		LoginForm login = LoginForm.read(form);
		ClientInfo client = this.clients.from(request);
		User user = this.logins.login(login.username(), login.password(), client);
		this.checks.forEach((check) -> check.check(user));
		if (this.secondFactors != null && this.logins.secondFactorRequired(user)) {
			return ResponseEntity.ok(MfaRequiredBody.of(this.secondFactors.startLogin(user)));
		}
		TokenPair pair = this.sessionStarter.start(user.id(), client);
		return this.responses.respond(HttpStatus.OK, this.responses.tokenBody(pair), pair);
	}

}
