package dev.latchkey.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.token.ClientInfo;
import dev.latchkey.token.SlidingTokens;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.LoginCheck;
import dev.latchkey.user.PasswordLogin;
import dev.latchkey.user.User;

/**
 * SimpleJWT's {@code TokenObtainSlidingView} ({@code POST /api/token/sliding/}) and
 * {@code TokenRefreshSlidingView} ({@code POST /api/token/sliding/refresh/}), both answering
 * {@code {"token": "..."}}. Logins here are throttled like any other.
 */
@RestController
public class SlidingTokenController {

	private static final CharField TOKEN = CharField.required("token", 8192);

	private final PasswordLogin logins;

	private final SlidingTokens slidingTokens;

	private final ClientInfos clients;

	private final List<LoginCheck> checks;

	public SlidingTokenController(PasswordLogin logins, SlidingTokens slidingTokens, ClientInfos clients,
			List<LoginCheck> checks) {
		this.checks = List.copyOf(checks);
		this.logins = logins;
		this.slidingTokens = slidingTokens;
		this.clients = clients;
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.SLIDING)
	ResponseEntity<SlidingTokenBody> obtain(SubmittedForm form, HttpServletRequest request) {
		LoginForm login = LoginForm.read(form);
		ClientInfo client = this.clients.from(request);
		User user = this.logins.login(login.username(), login.password(), client);
		this.checks.forEach((check) -> check.check(user));
		if (this.logins.secondFactorRequired(user)) {
			// A sliding token has no second step: the account must log in at /api/token/.
			throw FieldErrors.single(FieldErrors.NON_FIELD_ERRORS,
					"Two-factor authentication is enabled for this account: obtain a token pair instead.");
		}
		return token(this.slidingTokens.obtain(user.id(), client));
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.SLIDING_REFRESH)
	ResponseEntity<SlidingTokenBody> refresh(SubmittedForm form) {
		FieldErrors errors = new FieldErrors();
		String token = form.string(TOKEN, errors);
		errors.throwIfAny();
		return token(this.slidingTokens.refresh(token));
	}

	private static ResponseEntity<SlidingTokenBody> token(String token) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new SlidingTokenBody(token));
	}

}
