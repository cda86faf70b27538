package dev.latchkey.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.token.TokenPair;
import dev.latchkey.token.TokenService;
import dev.latchkey.user.CredentialsAuthenticator;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.User;

/**
 * {@code POST /api/token/}: SimpleJWT's {@code TokenObtainPairView}. Starts a session and answers
 * {@code {"refresh", "access"}} plus the token cookies.
 */
@RestController
public class TokenObtainController {

	private static final CharField USERNAME = CharField.required("username", 65536);

	private static final CharField PASSWORD = CharField.required("password", CharField.PASSWORD_MAX_LENGTH);

	private final CredentialsAuthenticator authenticator;

	private final TokenService tokens;

	private final TokenResponses responses;

	public TokenObtainController(CredentialsAuthenticator authenticator, TokenService tokens,
			TokenResponses responses) {
		this.authenticator = authenticator;
		this.tokens = tokens;
		this.responses = responses;
	}

	@PostMapping({ ApiPaths.PREFIX + ApiPaths.TOKEN, ApiPaths.PREFIX + ApiPaths.TOKEN + "/" })
	ResponseEntity<Map<String, Object>> obtain(SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String username = form.string(USERNAME, errors);
		String password = form.string(PASSWORD, errors);
		errors.throwIfAny();
		User user = this.authenticator.authenticate(username, password);
		TokenPair pair = this.tokens.startSession(user.id(), ClientInfos.from(request));
		return this.responses.respond(HttpStatus.OK, this.responses.tokenBody(pair), pair);
	}

}
