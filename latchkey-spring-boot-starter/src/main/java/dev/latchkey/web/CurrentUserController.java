package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.account.EmailVerification;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.Profiles;
import dev.latchkey.user.User;

/**
 * {@code GET/PUT/PATCH /api/auth/user/}: dj-rest-auth's {@code UserDetailsView}. Only
 * {@code name} and {@code email} can change; both are optional, so PUT behaves as PATCH.
 */
@RestController
public class CurrentUserController {

	private static final CharField NAME = new CharField("name", false, true, 256);

	private static final CharField EMAIL = new CharField("email", false, true, 254);

	private final Profiles profiles;

	private final EmailVerification verification;

	private final SiteResolver sites;

	/**
	 * @param verification email verification, or {@code null} when an address changes at once
	 * @param sites where verification links point, or {@code null} with no verification
	 */
	public CurrentUserController(Profiles profiles, EmailVerification verification, SiteResolver sites) {
		this.profiles = profiles;
		this.verification = verification;
		this.sites = sites;
	}

	@GetMapping(ApiPaths.PREFIX + ApiPaths.USER)
	UserBody get(UserAuthentication authentication) {
		User user = authentication.user();
		return UserBody.of(user, this.profiles.extraFields(user));
	}

	@PutMapping(ApiPaths.PREFIX + ApiPaths.USER)
	UserBody put(UserAuthentication authentication, SubmittedForm form, HttpServletRequest request) {
		return update(authentication.user(), form, request);
	}

	@PatchMapping(ApiPaths.PREFIX + ApiPaths.USER)
	UserBody patch(UserAuthentication authentication, SubmittedForm form, HttpServletRequest request) {
		return update(authentication.user(), form, request);
	}

	private UserBody update(User user, SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String name = form.string(NAME, errors);
		String email = form.string(EMAIL, errors);
		if (this.verification != null && errors.isEmpty()) {
			// With verification on, a new address replaces the old one only once its link is opened.
			email = this.verification.changeEmail(user, email, this.sites.resolve(request));
		}
		User updated = this.profiles.update(user, name, email, errors);
		return UserBody.of(updated, this.profiles.extraFields(updated));
	}

}
