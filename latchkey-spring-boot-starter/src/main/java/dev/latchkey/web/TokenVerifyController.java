package dev.latchkey.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.token.RevocationCheck;
import dev.latchkey.user.FieldErrors;

/**
 * {@code POST /api/token/verify/}: SimpleJWT's {@code TokenVerifyView}. A valid token answers
 * {@code {}}; a revoked one 400 {@code {"non_field_errors": ["Token is blacklisted"]}}. Also at
 * dj-rest-auth's {@code /api/auth/token/verify/}.
 */
@RestController
public class TokenVerifyController {

	private static final CharField TOKEN = CharField.required("token", 8192);

	private final RevocationCheck revocations;

	public TokenVerifyController(RevocationCheck revocations) {
		this.revocations = revocations;
	}

	@PostMapping({ ApiPaths.PREFIX + ApiPaths.VERIFY, ApiPaths.PREFIX + ApiPaths.REST_AUTH_VERIFY })
	EmptyBody verify(SubmittedForm form) {
		FieldErrors errors = new FieldErrors();
		String token = form.string(TOKEN, errors);
		errors.throwIfAny();
		if (this.revocations.isRevoked(token)) {
			throw FieldErrors.single(FieldErrors.NON_FIELD_ERRORS, "Token is blacklisted");
		}
		return EmptyBody.INSTANCE;
	}

}
