package dev.latchkey.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.mfa.QrCode;
import dev.latchkey.mfa.SecondFactors;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.user.FieldErrors;

/**
 * TOTP second factors and recovery codes ({@code /api/auth/mfa/...}), and the second step of a
 * login ({@code POST /api/auth/mfa/verify/}), which starts the session as a login does.
 */
@RestController
public class MfaController {

	private static final CharField CODE = CharField.required("code", 64);

	private static final CharField OPTIONAL_CODE = CharField.optional("code", 64);

	private static final CharField PASSWORD = CharField.optional("password", CharField.PASSWORD_MAX_LENGTH);

	private static final CharField MFA_TOKEN = CharField.required("mfa_token", 128);

	private final SecondFactors secondFactors;

	private final SignIn signIn;

	private final ClientInfos clients;

	public MfaController(SecondFactors secondFactors, SignIn signIn, ClientInfos clients) {
		this.secondFactors = secondFactors;
		this.signIn = signIn;
		this.clients = clients;
	}

	/**
	 * {@code GET /api/auth/mfa/}: the caller's second factors and how the current session was
	 * authenticated.
	 */
	@GetMapping(ApiPaths.PREFIX + ApiPaths.MFA)
	MfaStatusBody status(UserAuthentication authentication) {
		long id = authentication.getPrincipal().id();
		return new MfaStatusBody(this.secondFactors.isEnabled(id), this.secondFactors.remainingRecoveryCodes(id),
				authentication.getPrincipal().amr());
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.MFA_TOTP)
	ResponseEntity<TotpEnrolmentBody> enrol(UserAuthentication authentication) {
		SecondFactors.Enrolment enrolment = this.secondFactors.enrol(authentication.user());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new TotpEnrolmentBody(enrolment.secret(), enrolment.otpauthUrl(), qrSvg(enrolment.otpauthUrl())));
	}

	/** The key URI as a QR code, or {@code null} when it is too long for one (the secret can be typed). */
	private static String qrSvg(String uri) {
		try {
			return QrCode.encode(uri).toSvg(4);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.MFA_TOTP_CONFIRM)
	RecoveryCodesBody confirm(UserAuthentication authentication, SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String code = form.string(CODE, errors);
		errors.throwIfAny();
		List<String> codes = this.secondFactors.confirm(authentication.user(), code, this.clients.from(request));
		return new RecoveryCodesBody("Two-factor authentication is enabled. Keep these recovery codes safe: "
				+ "each works once, and they are not shown again.", codes);
	}

	@DeleteMapping(ApiPaths.PREFIX + ApiPaths.MFA_TOTP)
	DetailBody disable(UserAuthentication authentication, SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String password = form.string(PASSWORD, errors);
		String code = form.string(OPTIONAL_CODE, errors);
		errors.throwIfAny();
		this.secondFactors.disable(authentication.user(), password, code, this.clients.from(request));
		return new DetailBody("Two-factor authentication is disabled.");
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.MFA_RECOVERY_CODES)
	RecoveryCodesBody regenerate(UserAuthentication authentication, SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String password = form.string(PASSWORD, errors);
		String code = form.string(OPTIONAL_CODE, errors);
		errors.throwIfAny();
		List<String> codes = this.secondFactors.regenerateRecoveryCodes(authentication.user(), password, code,
				this.clients.from(request));
		return new RecoveryCodesBody("New recovery codes: the previous ones no longer work.", codes);
	}

	/** The second step of a login: the pair and cookies of a normal login. */
	@SetsCookies
	@PostMapping(ApiPaths.PREFIX + ApiPaths.MFA_VERIFY)
	ResponseEntity<?> verify(SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String token = form.string(MFA_TOKEN, errors);
		String code = form.string(CODE, errors);
		errors.throwIfAny();
		ClientInfo client = this.clients.from(request);
		SecondFactors.Completed completed = this.secondFactors.completeLogin(token, code, client);
		return this.signIn.complete(completed.user(), client, completed.amr());
	}

	/**
	 * @param totp whether a TOTP second factor is on
	 * @param recoveryCodesRemaining unused recovery codes
	 * @param amr how the current session was authenticated
	 */
	record MfaStatusBody(boolean totp, @JsonProperty("recovery_codes_remaining") int recoveryCodesRemaining,
			List<String> amr) {
	}

	/**
	 * @param secret base32, to type into an app by hand
	 * @param otpauthUrl the key URI
	 * @param qrSvg the key URI as a QR code, an SVG document; {@code null} if the URI is too long
	 * for one (a username of very many non-ASCII characters)
	 */
	record TotpEnrolmentBody(String secret, @JsonProperty("otpauth_url") String otpauthUrl,
			@JsonProperty("qr_svg") String qrSvg) {
	}

	/**
	 * @param detail what happened
	 * @param recoveryCodes the codes, shown this once
	 */
	record RecoveryCodesBody(String detail, @JsonProperty("recovery_codes") List<String> recoveryCodes) {
	}

	/** DRF's {@code {"detail": "..."}}. */
	record DetailBody(String detail) {
	}

}
