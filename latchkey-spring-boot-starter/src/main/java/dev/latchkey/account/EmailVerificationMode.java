package dev.latchkey.account;

/**
 * allauth's {@code ACCOUNT_EMAIL_VERIFICATION}.
 */
public enum EmailVerificationMode {

	/** No verification mail is sent. */
	NONE,

	/** A verification mail is sent; logging in does not wait for it. */
	OPTIONAL,

	/** A verification mail is sent, and logging in needs a verified address. */
	MANDATORY

}
