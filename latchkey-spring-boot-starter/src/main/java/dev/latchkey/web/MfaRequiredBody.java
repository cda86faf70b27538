package dev.latchkey.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of a login whose password was right when the account has a second factor:
 * {@code {"mfa_required": true, "mfa_token": "..."}}. The token is opaque and only good for
 * {@code POST /api/auth/mfa/verify/}; it authenticates nothing else.
 *
 * @param mfaRequired always {@code true}
 * @param mfaToken the short-lived token of the second step
 */
public record MfaRequiredBody(@JsonProperty("mfa_required") boolean mfaRequired,
		@JsonProperty("mfa_token") String mfaToken) {

	static MfaRequiredBody of(String token) {
		return new MfaRequiredBody(true, token);
	}

}
