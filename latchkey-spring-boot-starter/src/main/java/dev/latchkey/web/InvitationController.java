package dev.latchkey.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.account.SignUpPolicy;
import dev.latchkey.user.EmailRules;
import dev.latchkey.user.FieldErrors;

/**
 * {@code POST /api/auth/invitations/}: a superuser invites an address to sign up
 * ({@code latchkey.account.sign-up=invite}); the invitation is mailed. Anyone else: 403.
 */
@RestController
public class InvitationController {

	private static final CharField EMAIL = CharField.required("email", EmailRules.MAX_LENGTH);

	private final SignUpPolicy policy;

	private final SiteResolver sites;

	public InvitationController(SignUpPolicy policy, SiteResolver sites) {
		this.policy = policy;
		this.sites = sites;
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(ApiPaths.PREFIX + ApiPaths.INVITATIONS)
	InvitationBody invite(UserAuthentication authentication, SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String email = form.string(EMAIL, errors);
		if (email != null && !EmailRules.isValid(email)) {
			errors.add("email", EmailRules.INVALID);
		}
		errors.throwIfAny();
		Instant expires = this.policy.invite(authentication.user(), email, this.sites.resolve(request));
		return new InvitationBody(email, expires.toString());
	}

}
