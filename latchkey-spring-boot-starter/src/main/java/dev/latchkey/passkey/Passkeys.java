package dev.latchkey.passkey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;

/**
 * Passkeys on Spring Security's WebAuthn support ({@link Webauthn4JRelyingPartyOperations},
 * webauthn4j underneath), adapted to Latchkey: options and answers are JSON (WebAuthn's
 * {@code PublicKeyCredential*OptionsJSON} and the credential's JSON form), challenges live in
 * the database ({@link WebAuthnChallenges}) rather than an HTTP session, and a passkey login
 * ends in a Latchkey user for whom the caller starts a session ({@code amr: ["webauthn"]}).
 * Passkeys are discoverable (resident keys are required), so a login needs no username.
 */
public final class Passkeys {

	static final String FAILED = "The passkey could not be verified.";

	private final WebAuthnRelyingPartyOperations operations;

	private final JdbcPasskeyUsers userEntities;

	private final JdbcPasskeyCredentials credentials;

	private final WebAuthnChallenges challenges;

	private final UserRepository users;

	private final PublicKeyCredentialRpEntity rp;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	public Passkeys(JdbcPasskeyUsers userEntities, JdbcPasskeyCredentials credentials, WebAuthnChallenges challenges,
			UserRepository users, String rpId, String rpName, Set<String> allowedOrigins, Clock clock) {
		this.userEntities = userEntities;
		this.credentials = credentials;
		this.challenges = challenges;
		this.users = users;
		this.clock = clock;
		this.rp = PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build();
		this.operations = new Webauthn4JRelyingPartyOperations(userEntities, credentials, this.rp, allowedOrigins);
	}

	/**
	 * A passkey of a user, as listed.
	 *
	 * @param id the credential id (base64url), for deleting it
	 * @param label the name the user gave it
	 * @param createdAt when it was registered
	 * @param lastUsedAt when it last signed in
	 */
	public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {
	}

	/** {@code PublicKeyCredentialCreationOptionsJSON} for {@code navigator.credentials.create}. */
	public JsonNode registrationOptions(User user) {
		this.userEntities.ensure(user.id(), user.username());
		PublicKeyCredentialCreationOptions options = this.operations.createPublicKeyCredentialCreationOptions(
				new ImmutablePublicKeyCredentialCreationOptionsRequest(authenticated(user)));
		this.challenges.save(options.getChallenge().toBase64UrlString(), WebAuthnChallenges.REGISTER, user.id(),
				this.clock.instant());
		return this.json.valueToTree(options);
	}

	/**
	 * Register the credential {@code navigator.credentials.create} made.
	 * @param credentialJson the credential's JSON form ({@code id}, {@code rawId}, {@code type},
	 * {@code response.clientDataJSON}, {@code response.attestationObject}, ...)
	 * @param label a name for it
	 */
	public Passkey register(User user, String credentialJson, String label) {
		PublicKeyCredential<AuthenticatorAttestationResponse> credential = read(credentialJson,
				new TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse>>() {
				});
		String challenge = challengeOf(credential.getResponse().getClientDataJSON());
		Long owner = this.challenges.take(challenge, WebAuthnChallenges.REGISTER, this.clock.instant()).orElse(null);
		if (owner == null || owner != user.id()) {
			throw failed();
		}
		PublicKeyCredentialUserEntity entity = this.userEntities.ensure(user.id(), user.username());
		// The options as they were handed out, rebuilt from what the check uses.
		PublicKeyCredentialCreationOptions options = PublicKeyCredentialCreationOptions.builder()
			.rp(this.rp)
			.user(entity)
			.challenge(new Bytes(Base64.getUrlDecoder().decode(challenge)))
			.pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
					PublicKeyCredentialParameters.RS256)
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.userVerification(UserVerificationRequirement.PREFERRED)
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.build())
			.timeout(Duration.ofMinutes(5))
			.build();
		CredentialRecord record;
		try {
			record = this.operations.registerCredential(new ImmutableRelyingPartyRegistrationRequest(options,
					new RelyingPartyPublicKey(credential, (label == null || label.isBlank()) ? "Passkey" : label)));
		}
		catch (DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// webauthn4j's verification failures (origin, challenge, signature, attestation format).
			throw failed();
		}
		return passkey(record);
	}

	public List<Passkey> list(long userId) {
		return this.credentials.findByLatchkeyUser(userId).stream().map(Passkeys::passkey).toList();
	}

	/** @return whether the user had that passkey */
	public boolean delete(long userId, String credentialId) {
		return this.credentials.delete(userId, credentialId);
	}

	/** {@code PublicKeyCredentialRequestOptionsJSON} for {@code navigator.credentials.get}, no user named. */
	public JsonNode loginOptions() {
		PublicKeyCredentialRequestOptions options = this.operations
			.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(null));
		this.challenges.save(options.getChallenge().toBase64UrlString(), WebAuthnChallenges.LOGIN, null,
				this.clock.instant());
		return this.json.valueToTree(options);
	}

	/**
	 * Check the assertion {@code navigator.credentials.get} made.
	 * @return the active user whose passkey it is
	 * @throws dev.latchkey.user.InvalidFieldsException if it does not verify
	 */
	public User login(String credentialJson) {
		PublicKeyCredential<AuthenticatorAssertionResponse> credential = read(credentialJson,
				new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {
				});
		String challenge = challengeOf(credential.getResponse().getClientDataJSON());
		if (this.challenges.take(challenge, WebAuthnChallenges.LOGIN, this.clock.instant()).isEmpty()) {
			throw failed();
		}
		PublicKeyCredentialRequestOptions options = PublicKeyCredentialRequestOptions.builder()
			.challenge(new Bytes(Base64.getUrlDecoder().decode(challenge)))
			.rpId(this.rp.getId())
			.userVerification(UserVerificationRequirement.PREFERRED)
			.timeout(Duration.ofMinutes(5))
			.allowCredentials(List.of())
			.build();
		PublicKeyCredentialUserEntity entity;
		try {
			entity = this.operations.authenticate(new RelyingPartyAuthenticationRequest(options, credential));
		}
		catch (DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw failed();
		}
		Optional<User> user = this.userEntities.userIdOf(entity.getId()).flatMap(this.users::findById);
		return user.filter(User::active).orElseThrow(Passkeys::failed);
	}

	private <T> T read(String json, TypeReference<T> type) {
		try {
			T value = this.json.readValue(json, type);
			if (value == null) {
				throw failed();
			}
			return value;
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw FieldErrors.single("credential", "Not a valid WebAuthn credential.");
		}
	}

	private String challengeOf(Bytes clientDataJson) {
		if (clientDataJson == null) {
			throw FieldErrors.single("credential", "Not a valid WebAuthn credential.");
		}
		try {
			JsonNode clientData = this.json.readTree(clientDataJson.getBytes());
			JsonNode challenge = clientData.get("challenge");
			if (challenge == null || !challenge.isString() || challenge.asString().length() > 128) {
				throw failed();
			}
			return challenge.asString();
		}
		catch (JacksonException ex) {
			throw FieldErrors.single("credential", "Not a valid WebAuthn credential.");
		}
	}

	private static UsernamePasswordAuthenticationToken authenticated(User user) {
		return UsernamePasswordAuthenticationToken.authenticated(user.username(), null, List.of());
	}

	private static Passkey passkey(CredentialRecord record) {
		return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
				record.getLastUsed());
	}

	private static dev.latchkey.user.InvalidFieldsException failed() {
		return FieldErrors.single(FieldErrors.NON_FIELD_ERRORS, FAILED);
	}

}
