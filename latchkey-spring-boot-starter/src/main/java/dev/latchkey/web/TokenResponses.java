package dev.latchkey.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dev.latchkey.token.TokenPair;

/**
 * Builds the answers that carry freshly issued tokens: in the body and/or as cookies, as the
 * configured {@link TokenDelivery} says, and always {@code Cache-Control: no-store}.
 */
public final class TokenResponses {

	private final TokenDelivery delivery;

	private final TokenCookies cookies;

	public TokenResponses(TokenDelivery delivery, TokenCookies cookies) {
		this.delivery = delivery;
		this.cookies = cookies;
	}

	/** {@code {"refresh": R, "access": A}} in SimpleJWT's key order, empty in cookie-only mode. */
	public Map<String, Object> tokenBody(TokenPair pair) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (this.delivery.inBody()) {
			body.put("refresh", pair.refresh());
			body.put("access", pair.access());
		}
		return body;
	}

	/**
	 * An answer with the given body that also delivers the pair's cookies.
	 * @param status the status
	 * @param body the body, already holding whatever of the pair belongs in it
	 * @param pair the tokens
	 */
	public ResponseEntity<Map<String, Object>> respond(HttpStatus status, Map<String, Object> body, TokenPair pair) {
		HttpHeaders headers = new HttpHeaders();
		if (this.delivery.inCookies()) {
			this.cookies.issue(pair).forEach((cookie) -> headers.add(HttpHeaders.SET_COOKIE, cookie.toString()));
		}
		return ResponseEntity.status(status).headers(headers).cacheControl(CacheControl.noStore()).body(body);
	}

}
