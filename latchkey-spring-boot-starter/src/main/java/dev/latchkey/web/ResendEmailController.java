package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.account.EmailVerification;
import dev.latchkey.user.EmailRules;
import dev.latchkey.user.FieldErrors;

/**
 * {@code POST /api/auth/registration/resend-email/}: dj-rest-auth's
 * {@code ResendEmailVerificationView}. The same answer whether or not the address waits for
 * verification.
 */
@RestController
public class ResendEmailController {

	private static final CharField EMAIL = CharField.required("email", EmailRules.MAX_LENGTH);

	private final EmailVerification verification;

	private final SiteResolver sites;

	private final ClientInfos clients;

	public ResendEmailController(EmailVerification verification, SiteResolver sites, ClientInfos clients) {
		this.verification = verification;
		this.sites = sites;
		this.clients = clients;
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.RESEND_EMAIL)
	DetailBody resend(SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String email = form.string(EMAIL, errors);
		if (email != null && !EmailRules.isValid(email)) {
			errors.add("email", EmailRules.INVALID);
		}
		errors.throwIfAny();
		this.verification.resend(email, this.sites.resolve(request), this.clients.from(request).ip());
		return new DetailBody("ok");
	}

}
