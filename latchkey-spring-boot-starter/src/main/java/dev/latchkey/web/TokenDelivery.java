package dev.latchkey.web;

/**
 * How issued tokens reach the client.
 */
public enum TokenDelivery {

	/** In the response body and as HttpOnly cookies (the seed's behaviour). */
	BOTH,

	/** In the response body only, as SimpleJWT does. */
	BODY,

	/** As HttpOnly cookies only: no body carries a token string, so page script never sees one. */
	COOKIE;

	boolean inBody() {
		return this != COOKIE;
	}

	boolean inCookies() {
		return this != BODY;
	}

}
