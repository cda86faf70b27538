package dev.latchkey.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;

import dev.latchkey.token.RefreshedTokens;
import dev.latchkey.token.TokenPair;

/**
 * Builds the answers that carry freshly issued tokens: in the body and/or as cookies, as the
 * configured {@link TokenDelivery} says, and always {@code Cache-Control: no-store}.
 */
public final class TokenResponses {

	private final TokenDelivery delivery;

	private final TokenCookies cookies;

	private final CsrfTokens csrf;

	public TokenResponses(TokenDelivery delivery, TokenCookies cookies, CsrfTokens csrf) {
		this.delivery = delivery;
		this.cookies = cookies;
		this.csrf = csrf;
	}

	/** {@code {"refresh": R, "access": A}} in SimpleJWT's key order, empty in cookie-only mode. */
	public TokenPairBody tokenBody(TokenPair pair) {
		return this.delivery.inBody() ? new TokenPairBody(pair.refresh(), pair.access()) : new TokenPairBody(null, null);
	}

	/** The pair access first, as dj-rest-auth nests it, or {@code null} in cookie-only mode. */
	public AccessFirstBody accessFirst(TokenPair pair) {
		return this.delivery.inBody() ? new AccessFirstBody(pair.access(), pair.refresh()) : null;
	}

	/** Whether token strings go in bodies (not in cookie-only mode). */
	public boolean inBody() {
		return this.delivery.inBody();
	}

	/**
	 * SimpleJWT's refresh answer, {@code {"access": A}} plus {@code "refresh": R} when rotated,
	 * with the matching cookies.
	 */
	public ResponseEntity<AccessFirstBody> refreshed(RefreshedTokens tokens) {
		List<ResponseCookie> cookies = new ArrayList<>();
		cookies.add(this.cookies.access(tokens.access()));
		if (tokens.refresh() != null) {
			cookies.add(this.cookies.refresh(tokens.refresh()));
		}
		AccessFirstBody body = this.delivery.inBody() ? new AccessFirstBody(tokens.access(), tokens.refresh())
				: new AccessFirstBody(null, null);
		return respond(HttpStatus.OK, body, cookies);
	}

	/**
	 * Deletes both token cookies (logout), whatever the delivery mode, on whatever answer follows:
	 * the headers go straight to the response, so an error rendered afterwards keeps them.
	 */
	public void clearCookies(HttpServletResponse response) {
		this.cookies.clear().forEach((cookie) -> response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString()));
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
	}

	/**
	 * An answer with the given body that also delivers the pair's cookies and a CSRF cookie.
	 * @param status the status
	 * @param body the body, already holding whatever of the pair belongs in it
	 * @param pair the tokens
	 */
	public <T> ResponseEntity<T> respond(HttpStatus status, T body, TokenPair pair) {
		List<ResponseCookie> cookies = new ArrayList<>(this.cookies.issue(pair));
		// A new session gets a new CSRF token, as Django rotates it on login.
		cookies.add(csrfCookie());
		return respond(status, body, cookies);
	}

	/** A fresh CSRF cookie ({@code GET /api/auth/csrf/}). */
	public ResponseCookie csrfCookie() {
		return this.cookies.csrf(this.csrf.cookieName(), this.csrf.newToken());
	}

	private <T> ResponseEntity<T> respond(HttpStatus status, T body, List<ResponseCookie> cookies) {
		return respond(status, body, cookies, this.delivery.inCookies());
	}

	private static <T> ResponseEntity<T> respond(HttpStatus status, T body, List<ResponseCookie> cookies,
			boolean withCookies) {
		HttpHeaders headers = new HttpHeaders();
		if (withCookies) {
			cookies.forEach((cookie) -> headers.add(HttpHeaders.SET_COOKIE, cookie.toString()));
		}
		return ResponseEntity.status(status).headers(headers).cacheControl(CacheControl.noStore()).body(body);
	}

}
