package dev.latchkey.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.account.AccountRegistration;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.token.TokenPair;
import dev.latchkey.token.SessionStarter;
import dev.latchkey.user.EmailRules;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.User;
import dev.latchkey.user.UsernameRules;

/**
 * {@code POST /api/auth/registration/}: dj-rest-auth's {@code RegisterView} with JWT. Answers 201
 * {@code {"access", "refresh", "user"}} and the token cookies, or, when email verification is
 * mandatory, 201 {@code {"detail": "Verification e-mail sent."}} and no session.
 */
@RestController
public class RegistrationController {

	private static final CharField USERNAME = CharField.required("username", UsernameRules.MAX_LENGTH);

	private static final CharField EMAIL = new CharField("email", false, true, EmailRules.MAX_LENGTH);

	private static final CharField PASSWORD1 = CharField.required("password1", CharField.PASSWORD_MAX_LENGTH);

	private static final CharField PASSWORD2 = CharField.required("password2", CharField.PASSWORD_MAX_LENGTH);

	private static final CharField INVITATION = new CharField("invitation", false, true, 256);

	private final AccountRegistration registration;

	private final SessionStarter sessionStarter;

	private final TokenResponses responses;

	private final RestAuthBodies bodies;

	private final SiteResolver sites;

	private final ClientInfos clients;

	public RegistrationController(AccountRegistration registration, SessionStarter sessionStarter, TokenResponses responses,
			RestAuthBodies bodies, SiteResolver sites, ClientInfos clients) {
		this.registration = registration;
		this.sessionStarter = sessionStarter;
		this.responses = responses;
		this.bodies = bodies;
		this.sites = sites;
		this.clients = clients;
	}

	@SetsCookies
	@PostMapping(ApiPaths.PREFIX + ApiPaths.REGISTRATION)
	// dj-rest-auth answers a DetailBody while the address waits for verification, else a LoginBody.
	ResponseEntity<?> register(SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String username = form.string(USERNAME, errors);
		String email = form.string(EMAIL, errors);
		String password1 = form.string(PASSWORD1, errors);
		String password2 = form.string(PASSWORD2, errors);
		ClientInfo client = this.clients.from(request);
		String invitation = form.string(INVITATION, errors);
		User user = this.registration.register(username, email, password1, password2, invitation, errors, client,
				this.sites.resolve(request));
		if (this.registration.verificationRequired()) {
			return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
				.body(new DetailBody("Verification e-mail sent."));
		}
		TokenPair pair = this.sessionStarter.start(user.id(), client);
		return this.responses.respond(HttpStatus.CREATED, this.bodies.body(pair, user, Map.of()), pair);
	}

}
