package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.account.PasswordResetRequests;
import dev.latchkey.user.EmailRules;
import dev.latchkey.user.FieldErrors;

/**
 * {@code POST /api/auth/password/reset/}: dj-rest-auth's {@code PasswordResetView}. The same
 * answer whether or not the address belongs to anyone.
 */
@RestController
public class PasswordResetController {

	private static final CharField EMAIL = CharField.required("email", EmailRules.MAX_LENGTH);

	private final PasswordResetRequests resets;

	private final SiteResolver sites;

	private final ClientInfos clients;

	public PasswordResetController(PasswordResetRequests resets, SiteResolver sites, ClientInfos clients) {
		this.resets = resets;
		this.sites = sites;
		this.clients = clients;
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.PASSWORD_RESET)
	DetailBody reset(SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String email = form.string(EMAIL, errors);
		if (email != null && !EmailRules.isValid(email)) {
			errors.add("email", EmailRules.INVALID);
		}
		errors.throwIfAny();
		this.resets.request(email, this.sites.resolve(request), this.clients.from(request).ip());
		return new DetailBody("Password reset e-mail has been sent.");
	}

}
