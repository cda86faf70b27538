package dev.latchkey.account;

import java.util.Map;

import dev.latchkey.token.ClientInfo;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.InvalidFieldsException;
import dev.latchkey.user.Registration;
import dev.latchkey.user.SignUpForm;
import dev.latchkey.user.User;

/**
 * dj-rest-auth's {@code RegisterSerializer} with allauth: {@code username}, {@code email},
 * {@code password1} and {@code password2}, with allauth's messages. The user is stored by
 * {@link Registration} (same rules, hashing and limits as {@code /auth/signup/}); its password
 * errors are reported under {@code password1}. Then a verification mail goes out unless
 * verification is off.
 */
public final class AccountRegistration {

	static final String MISMATCH = "The two password fields didn't match.";

	static final String EMAIL_TAKEN = "A user is already registered with this e-mail address.";

	static final String REQUIRED = "This field is required.";

	private final Registration registration;

	private final AccountEmails emails;

	private final EmailVerification verification;

	private final boolean uniqueEmail;

	private final SignUpPolicy policy;

	public AccountRegistration(Registration registration, AccountEmails emails, EmailVerification verification,
			SignUpPolicy policy, boolean uniqueEmail) {
		this.policy = policy;
		this.registration = registration;
		this.emails = emails;
		this.verification = verification;
		this.uniqueEmail = uniqueEmail;
	}

	/**
	 * @param invitation the invitation key, or {@code null} (needed when sign-up is by invitation)
	 * @param errors the errors the web layer found, to which this adds its own
	 * @return the stored user
	 * @throws InvalidFieldsException with every error found
	 * @throws SignUpClosedException when sign-up is closed
	 */
	public User register(String username, String email, String password1, String password2, String invitation,
			FieldErrors errors, ClientInfo client, Site site) {
		Long invitationId = this.policy.admit(invitation, email);
		boolean blankEmail = email == null || email.isEmpty();
		if (blankEmail && !errors.has("email") && this.verification.mode() == EmailVerificationMode.MANDATORY) {
			errors.add("email", REQUIRED);
		}
		if (!blankEmail && this.uniqueEmail && this.emails.isTaken(email, -1)) {
			errors.add("email", EMAIL_TAKEN);
		}
		if (errors.isEmpty() && !password1.equals(password2)) {
			throw FieldErrors.single(FieldErrors.NON_FIELD_ERRORS, MISMATCH);
		}
		User user;
		try {
			user = this.registration.register(new SignUpForm(username, password1, "", email, Map.of()), errors, client);
		}
		catch (InvalidFieldsException ex) {
			FieldErrors renamed = new FieldErrors();
			ex.errors().forEach((field, messages) -> renamed.addAll(field.equals("password") ? "password1" : field, messages));
			throw new InvalidFieldsException(renamed);
		}
		this.policy.accepted(invitationId);
		this.verification.send(user, email, site);
		return user;
	}

	/** Whether a new user must verify their address before logging in (no tokens on sign-up). */
	public boolean verificationRequired() {
		return this.verification.mode() == EmailVerificationMode.MANDATORY;
	}

}
