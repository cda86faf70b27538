package dev.latchkey.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.account.EmailVerification;
import dev.latchkey.user.FieldErrors;

/**
 * {@code POST /api/auth/registration/verify-email/}: dj-rest-auth's {@code VerifyEmailView}. A
 * key that is unknown, used or expired answers 404.
 */
@RestController
public class VerifyEmailController {

	private static final CharField KEY = CharField.required("key", 256);

	private final EmailVerification verification;

	public VerifyEmailController(EmailVerification verification) {
		this.verification = verification;
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.VERIFY_EMAIL)
	DetailBody verify(SubmittedForm form) {
		FieldErrors errors = new FieldErrors();
		String key = form.string(KEY, errors);
		errors.throwIfAny();
		this.verification.verify(key);
		return new DetailBody("ok");
	}

}
