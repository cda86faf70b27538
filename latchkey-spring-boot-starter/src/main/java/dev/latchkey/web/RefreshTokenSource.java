package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.latchkey.user.FieldErrors;

/**
 * Finds the refresh token of a request as dj-rest-auth's cookie mode does: the {@code refresh}
 * field of the body first, else the refresh cookie, which then needs the CSRF header.
 */
public final class RefreshTokenSource {

	private static final CharField REFRESH = CharField.required("refresh", 8192);

	private final String cookieName;

	private final CsrfTokens csrf;

	public RefreshTokenSource(String cookieName, CsrfTokens csrf) {
		this.cookieName = cookieName;
		this.csrf = csrf;
	}

	/**
	 * @return the token
	 * @throws dev.latchkey.user.InvalidFieldsException DRF's "This field is required." when there is none
	 */
	public String resolve(SubmittedForm form, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		if (!form.has(REFRESH.name())) {
			String cookie = RequestCookies.value(request, this.cookieName);
			if (cookie != null) {
				// The browser sent the cookie by itself: another origin could have made it.
				this.csrf.verify(request);
				return cookie;
			}
		}
		String token = form.string(REFRESH, errors);
		errors.throwIfAny();
		return token;
	}

}
