package dev.latchkey.web;

import java.time.Duration;
import java.util.List;

import org.springframework.http.ResponseCookie;

import dev.latchkey.token.TokenPair;

/**
 * Writes and deletes the token cookies. Every token cookie goes through {@link #cookie}, so a
 * cookie is always deleted with exactly the attributes it was set with (dj-rest-auth's logout bug).
 */
public final class TokenCookies {

	private static final Duration CSRF_COOKIE_AGE = Duration.ofSeconds(31_449_600);

	private final CookieSettings settings;

	private final Duration accessLifetime;

	private final Duration refreshLifetime;

	public TokenCookies(CookieSettings settings, Duration accessLifetime, Duration refreshLifetime) {
		this.settings = settings;
		this.accessLifetime = accessLifetime;
		this.refreshLifetime = refreshLifetime;
	}

	/** Cookies carrying both tokens, each living as long as its token. */
	public List<ResponseCookie> issue(TokenPair pair) {
		return List.of(access(pair.access()), refresh(pair.refresh()));
	}

	/** The cookie carrying an access token, living as long as the token. */
	public ResponseCookie access(String token) {
		return cookie(this.settings.accessName(), token, this.settings.accessPath(), this.accessLifetime);
	}

	/** The cookie carrying a refresh token, sent back only to the API paths. */
	public ResponseCookie refresh(String token) {
		return cookie(this.settings.refreshName(), token, this.settings.refreshPath(), this.refreshLifetime);
	}

	/**
	 * The CSRF cookie: readable by page script (that is the point of a double submit), otherwise
	 * with the token cookies' attributes, for Django's {@code CSRF_COOKIE_AGE} of a year.
	 */
	public ResponseCookie csrf(String name, String token) {
		return ResponseCookie.from(name, token)
			.path("/")
			.domain(this.settings.domain())
			.maxAge(CSRF_COOKIE_AGE)
			.secure(this.settings.secure())
			.httpOnly(false)
			.sameSite(this.settings.sameSite())
			.build();
	}

	/** Cookies that delete both tokens ({@code Max-Age=0}). */
	public List<ResponseCookie> clear() {
		return List.of(cookie(this.settings.accessName(), "", this.settings.accessPath(), Duration.ZERO),
				cookie(this.settings.refreshName(), "", this.settings.refreshPath(), Duration.ZERO));
	}

	private ResponseCookie cookie(String name, String value, String path, Duration maxAge) {
		return ResponseCookie.from(name, value)
			.path(path)
			.domain(this.settings.domain())
			.maxAge(maxAge)
			.secure(this.settings.secure())
			.httpOnly(this.settings.httpOnly())
			.sameSite(this.settings.sameSite())
			.build();
	}

}
