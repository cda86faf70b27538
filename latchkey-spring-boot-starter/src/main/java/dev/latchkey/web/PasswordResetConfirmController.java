package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.account.PasswordResetConfirmation;
import dev.latchkey.user.FieldErrors;

/**
 * {@code POST /api/auth/password/reset/confirm/}: dj-rest-auth's
 * {@code PasswordResetConfirmView}. Every session of the user ends.
 */
@RestController
public class PasswordResetConfirmController {

	private static final int MAX_LENGTH = 128;

	private static final CharField UID = CharField.required("uid", 64);

	private static final CharField TOKEN = CharField.required("token", 256);

	private static final CharField NEW1 = CharField.required("new_password1", MAX_LENGTH);

	private static final CharField NEW2 = CharField.required("new_password2", MAX_LENGTH);

	private final PasswordResetConfirmation confirmation;

	private final ClientInfos clients;

	public PasswordResetConfirmController(PasswordResetConfirmation confirmation, ClientInfos clients) {
		this.confirmation = confirmation;
		this.clients = clients;
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.PASSWORD_RESET_CONFIRM)
	DetailBody confirm(SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		this.confirmation.confirm(form.string(UID, errors), form.string(TOKEN, errors), form.string(NEW1, errors),
				form.string(NEW2, errors), errors, this.clients.from(request));
		return new DetailBody("Password has been reset with the new password.");
	}

}
