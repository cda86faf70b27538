package dev.latchkey.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

	LoginBody body(TokenPair pair, User user, Map<String, String> extraFields) {
		boolean inBody = this.responses.inBody();
		String accessExpiration = null;
		String refreshExpiration = null;
		if (this.returnExpiration) {
			Instant now = this.clock.instant();
			accessExpiration = now.plus(this.accessLifetime).toString();
			refreshExpiration = now.plus(this.refreshLifetime).toString();
		}
		return new LoginBody(inBody ? pair.access() : null, inBody ? pair.refresh() : null,
				UserBody.of(user, extraFields), accessExpiration, refreshExpiration);
	}

}
