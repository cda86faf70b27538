package dev.latchkey.user;

/**
 * Whether a user whose password was right must still prove a second factor before a session
 * starts. Until then the login attempt stays counted against the account: only the second
 * factor's success resets the lockout counters, so retrying the password does not buy more
 * guesses at the code.
 */
@FunctionalInterface
public interface SecondFactorRequirement {

	/** No second factors (MFA disabled). */
	SecondFactorRequirement NONE = (user) -> false;

	boolean isRequired(User user);

}
