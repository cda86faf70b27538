package dev.latchkey.account;

/**
 * Who may sign up ({@code latchkey.account.sign-up}).
 */
public enum SignUpMode {

	/** Anyone. */
	OPEN,

	/** Only with an invitation made by a superuser, for the invited address. */
	INVITE,

	/** No one: accounts are made by operators ({@code createsuperuser}, the importer). */
	CLOSED

}
