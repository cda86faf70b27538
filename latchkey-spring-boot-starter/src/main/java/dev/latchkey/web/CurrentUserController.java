package dev.latchkey.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.ProfileService;
import dev.latchkey.user.User;

/**
 * {@code GET/PUT/PATCH /api/auth/user/}: dj-rest-auth's {@code UserDetailsView}. Only
 * {@code name} and {@code email} can change; both are optional, so PUT behaves as PATCH.
 */
@RestController
public class CurrentUserController {

	private static final CharField NAME = new CharField("name", false, true, 256);

	private static final CharField EMAIL = new CharField("email", false, true, 254);

	private final ProfileService profiles;

	public CurrentUserController(ProfileService profiles) {
		this.profiles = profiles;
	}

	@GetMapping({ ApiPaths.PREFIX + ApiPaths.USER, ApiPaths.PREFIX + ApiPaths.USER + "/" })
	Map<String, Object> get(UserAuthentication authentication) {
		User user = authentication.user();
		return UserBody.of(user, this.profiles.extraFields(user));
	}

	@PutMapping({ ApiPaths.PREFIX + ApiPaths.USER, ApiPaths.PREFIX + ApiPaths.USER + "/" })
	Map<String, Object> put(UserAuthentication authentication, SubmittedForm form) {
		return update(authentication.user(), form);
	}

	@PatchMapping({ ApiPaths.PREFIX + ApiPaths.USER, ApiPaths.PREFIX + ApiPaths.USER + "/" })
	Map<String, Object> patch(UserAuthentication authentication, SubmittedForm form) {
		return update(authentication.user(), form);
	}

	private Map<String, Object> update(User user, SubmittedForm form) {
		FieldErrors errors = new FieldErrors();
		String name = form.string(NAME, errors);
		String email = form.string(EMAIL, errors);
		User updated = this.profiles.update(user, name, email, errors);
		return UserBody.of(updated, this.profiles.extraFields(updated));
	}

}
