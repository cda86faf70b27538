package dev.latchkey.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.latchkey.token.TokenPair;
import dev.latchkey.user.User;

/**
 * dj-rest-auth's JWT answer ({@code JWTSerializer}): {@code {"access", "refresh", "user"}}, plus
 * {@code access_expiration} and {@code refresh_expiration} with JWT_AUTH_RETURN_EXPIRATION. In
 * cookie-only delivery the token strings stay out of the body.
 */
public final class RestAuthBodies {

	private final TokenResponses responses;

	private final Clock clock;

	private final Duration accessLifetime;

	private final Duration refreshLifetime;

	private final boolean returnExpiration;

	public RestAuthBodies(TokenResponses responses, Clock clock, Duration accessLifetime, Duration refreshLifetime,
			boolean returnExpiration) {
		this.responses = responses;
		this.clock = clock;
		this.accessLifetime = accessLifetime;
		this.refreshLifetime = refreshLifetime;
		this.returnExpiration = returnExpiration;
	}

	Map<String, Object> body(TokenPair pair, User user, Map<String, String> extraFields) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (!this.responses.tokenBody(pair).isEmpty()) {
			body.put("access", pair.access());
			body.put("refresh", pair.refresh());
		}
		body.put("user", UserBody.of(user, extraFields));
		if (this.returnExpiration) {
			Instant now = this.clock.instant();
			body.put("access_expiration", now.plus(this.accessLifetime).toString());
			body.put("refresh_expiration", now.plus(this.refreshLifetime).toString());
		}
		return body;
	}

}
