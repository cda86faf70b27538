package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.token.UserSessions;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.PasswordChange;

/**
 * {@code POST /api/auth/password/change/}: dj-rest-auth's {@code PasswordChangeView} with the old
 * password required. Every other session of the user ends; the current one stays signed in.
 */
@RestController
public class PasswordChangeController {

	private static final int MAX_LENGTH = 128;

	private static final CharField OLD = CharField.required("old_password", MAX_LENGTH);

	private static final CharField NEW1 = CharField.required("new_password1", MAX_LENGTH);

	private static final CharField NEW2 = CharField.required("new_password2", MAX_LENGTH);

	private final PasswordChange passwordChange;

	private final UserSessions sessions;

	private final ClientInfos clients;

	public PasswordChangeController(PasswordChange passwordChange, UserSessions sessions, ClientInfos clients) {
		this.passwordChange = passwordChange;
		this.sessions = sessions;
		this.clients = clients;
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.PASSWORD_CHANGE)
	DetailBody change(UserAuthentication authentication, SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		this.passwordChange.change(authentication.user(), form.string(OLD, errors), form.string(NEW1, errors),
				form.string(NEW2, errors), errors, this.clients.from(request));
		this.sessions.revokeOthers(authentication.getPrincipal().id(), authentication.getCredentials().sessionId());
		return new DetailBody("New password has been saved.");
	}

}
