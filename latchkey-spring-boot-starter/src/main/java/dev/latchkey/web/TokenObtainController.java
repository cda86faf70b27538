package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.mfa.SecondFactors;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.token.Session;
import dev.latchkey.user.PasswordLogin;
import dev.latchkey.user.User;

/**
 * {@code POST /api/token/}: SimpleJWT's {@code TokenObtainPairView}. Starts a session and answers
 * {@code {"refresh", "access"}} plus the token cookies.
 */
@RestController
public class TokenObtainController {

	private final PasswordLogin logins;

	private final SignIn signIn;

	private final ClientInfos clients;

	private final SecondFactors secondFactors;

	public TokenObtainController(PasswordLogin logins, SignIn signIn, ClientInfos clients) {
		this(logins, signIn, clients, null);
	}

	/**
	 * @param secondFactors TOTP second factors, or {@code null} when MFA is off
	 */
	public TokenObtainController(PasswordLogin logins, SignIn signIn, ClientInfos clients,
			SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
		this.logins = logins;
		this.signIn = signIn;
		this.clients = clients;
	}

	@SetsCookies
	@PostMapping(ApiPaths.PREFIX + ApiPaths.TOKEN)
	// Either the pair, or {"mfa_required": true, ...} when a second factor is due.
	ResponseEntity<?> obtain(SubmittedForm form, HttpServletRequest request) {
		LoginForm login = LoginForm.read(form);
		ClientInfo client = this.clients.from(request);
		User user = this.logins.login(login.username(), login.password(), client);
		// Checked before a second factor is asked for, and again when it is given (MfaController).
		this.signIn.check(user);
		if (this.secondFactors != null && this.logins.secondFactorRequired(user)) {
			return ResponseEntity.ok(MfaRequiredBody.of(this.secondFactors.startLogin(user)));
		}
		return this.signIn.startSession(user, client, Session.PASSWORD);
	}

}
