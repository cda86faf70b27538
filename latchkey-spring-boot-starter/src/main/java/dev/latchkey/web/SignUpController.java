package dev.latchkey.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.account.EmailVerification;
import dev.latchkey.account.SignUpPolicy;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.token.TokenPair;
import dev.latchkey.token.SessionStarter;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.InvalidFieldsException;
import dev.latchkey.user.LoginCheck;
import dev.latchkey.user.Registration;
import dev.latchkey.user.SignUpField;
import dev.latchkey.user.SignUpForm;
import dev.latchkey.user.User;
import dev.latchkey.user.UsernameRules;

/**
 * {@code POST /api/auth/signup/}: creates the user and starts a session, answering 201 with the
 * user, the pair, and the token cookies.
 */
@RestController
public class SignUpController {

	private static final CharField USERNAME = CharField.required("username", UsernameRules.MAX_LENGTH);

	private static final CharField PASSWORD = CharField.required("password", CharField.PASSWORD_MAX_LENGTH);

	private static final CharField NAME = CharField.optional("name", 256);

	private static final CharField EMAIL = CharField.optional("email", 254);

	private static final CharField INVITATION = CharField.optional("invitation", 256);

	private static final String REGISTERED = "register success";

	private final Registration registration;

	private final SessionStarter sessionStarter;

	private final TokenResponses responses;

	private final ClientInfos clients;

	private final List<SignUpField> extraFields;

	private final List<LoginCheck> checks;

	private final SignUpPolicy policy;

	private final EmailVerification verification;

	private final SiteResolver sites;

	/**
	 * @param policy who may sign up, or {@code null} for anyone
	 * @param verification email verification, or {@code null} for none
	 * @param sites where verification links point, or {@code null} with no verification
	 */
	public SignUpController(Registration registration, SessionStarter sessionStarter, TokenResponses responses,
			ClientInfos clients, List<SignUpField> extraFields, List<LoginCheck> checks, SignUpPolicy policy,
			EmailVerification verification, SiteResolver sites) {
		this.policy = policy;
		this.verification = verification;
		this.sites = sites;
		this.checks = List.copyOf(checks);
		this.registration = registration;
		this.sessionStarter = sessionStarter;
		this.responses = responses;
		this.clients = clients;
		this.extraFields = List.copyOf(extraFields);
	}

	private Map<String, String> extraFields(SubmittedForm form, FieldErrors errors) {
		Map<String, String> values = new LinkedHashMap<>();
		for (SignUpField field : this.extraFields) {
			CharField rules = new CharField(field.name(), field.required(), !field.required(), field.maxLength());
			String value = form.string(rules, errors);
			if (value != null && (field.required() || form.has(field.name()))) {
				values.put(field.name(), value);
			}
		}
		return values;
	}

	private boolean mayStartSession(User user) {
		try {
			this.checks.forEach((check) -> check.check(user));
			return true;
		}
		catch (InvalidFieldsException ex) {
			return false;
		}
	}

	@SetsCookies
	@PostMapping(ApiPaths.PREFIX + ApiPaths.SIGN_UP)
	ResponseEntity<SignUpBody> signUp(SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		SignUpForm signUp = new SignUpForm(form.string(USERNAME, errors), form.string(PASSWORD, errors),
				form.string(NAME, errors), form.string(EMAIL, errors), extraFields(form, errors));
		ClientInfo client = this.clients.from(request);
		Long invitation = (this.policy != null) ? this.policy.admit(form.string(INVITATION, errors), signUp.email()) : null;
		User user = this.registration.register(signUp, errors, client);
		if (this.policy != null) {
			this.policy.accepted(invitation);
		}
		if (this.verification != null) {
			this.verification.send(user, user.email(), this.sites.resolve(request));
		}
		UserBody body = UserBody.of(user, signUp.extraFields());
		if (!mayStartSession(user)) {
			// Email verification is mandatory: the account exists, the session waits for the address.
			return ResponseEntity.status(HttpStatus.CREATED)
				.cacheControl(CacheControl.noStore())
				.body(new SignUpBody(body, REGISTERED, "Verification e-mail sent.", null));
		}
		TokenPair pair = this.sessionStarter.start(user.id(), client);
		return this.responses.respond(HttpStatus.CREATED, new SignUpBody(body, REGISTERED, null,
				this.responses.accessFirst(pair)), pair);
	}

}
