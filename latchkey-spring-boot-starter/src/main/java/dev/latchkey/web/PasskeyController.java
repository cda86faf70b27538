package dev.latchkey.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.passkey.Passkeys;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.User;
import dev.latchkey.web.error.ClientErrorException;

/**
 * Passkeys ({@code /api/auth/passkeys/...}): register one for the signed-in user, list and
 * delete them, and sign in with one alone, which starts a session as a login does
 * ({@code amr: ["webauthn"]}). The options are WebAuthn's JSON forms; the browser sends back the
 * credential's JSON form as {@code credential}.
 */
@RestController
public class PasskeyController {

	private static final CharField LABEL = CharField.optional("label", 100);

	/** Re-serialises the {@code credential} object of a submitted form for the WebAuthn reader. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> AMR = List.of("webauthn");

	private final Passkeys passkeys;

	private final SignIn signIn;

	private final ClientInfos clients;

	public PasskeyController(Passkeys passkeys, SignIn signIn, ClientInfos clients) {
		this.passkeys = passkeys;
		this.signIn = signIn;
		this.clients = clients;
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.PASSKEY_REGISTRATION_OPTIONS)
	JsonNode registrationOptions(UserAuthentication authentication) {
		return this.passkeys.registrationOptions(authentication.user());
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.PASSKEY_REGISTRATION)
	ResponseEntity<PasskeyBody> register(UserAuthentication authentication, SubmittedForm form) {
		FieldErrors errors = new FieldErrors();
		String label = form.string(LABEL, errors);
		String credential = credential(form, errors);
		errors.throwIfAny();
		Passkeys.Passkey passkey = this.passkeys.register(authentication.user(), credential, label);
		return ResponseEntity.status(HttpStatus.CREATED).body(PasskeyBody.of(passkey));
	}

	@GetMapping(ApiPaths.PREFIX + ApiPaths.PASSKEYS)
	List<PasskeyBody> list(UserAuthentication authentication) {
		return this.passkeys.list(authentication.getPrincipal().id()).stream().map(PasskeyBody::of).toList();
	}

	@DeleteMapping(ApiPaths.PREFIX + ApiPaths.PASSKEY)
	ResponseEntity<Void> delete(UserAuthentication authentication, @PathVariable("id") String id) {
		if (id.length() > 1400 || !this.passkeys.delete(authentication.getPrincipal().id(), id)) {
			throw ClientErrorException.notFound();
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.PASSKEY_LOGIN_OPTIONS)
	JsonNode loginOptions() {
		return this.passkeys.loginOptions();
	}

	/** Sign in with a passkey: the pair and cookies of a normal login. */
	@SetsCookies
	@PostMapping(ApiPaths.PREFIX + ApiPaths.PASSKEY_LOGIN)
	ResponseEntity<?> login(SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String credential = credential(form, errors);
		errors.throwIfAny();
		ClientInfo client = this.clients.from(request);
		User user = this.passkeys.login(credential);
		return this.signIn.complete(user, client, AMR);
	}

	private static String credential(SubmittedForm form, FieldErrors errors) {
		Object raw = form.raw("credential");
		if (raw == null) {
			errors.add("credential", form.has("credential") ? "This field may not be null." : "This field is required.");
			return null;
		}
		if (!(raw instanceof Map<?, ?>)) {
			errors.add("credential", "Not a valid WebAuthn credential.");
			return null;
		}
		return JSON.writeValueAsString(raw);
	}

	/**
	 * A passkey as listed.
	 *
	 * @param id the credential id (base64url), for {@code DELETE /api/auth/passkeys/{id}/}
	 * @param label its name
	 * @param createdAt when it was registered
	 * @param lastUsedAt when it last signed in
	 */
	record PasskeyBody(String id, String label, @JsonProperty("created_at") Instant createdAt,
			@JsonProperty("last_used_at") Instant lastUsedAt) {

		static PasskeyBody of(Passkeys.Passkey passkey) {
			return new PasskeyBody(passkey.id(), passkey.label(), passkey.createdAt(), passkey.lastUsedAt());
		}

	}

}
