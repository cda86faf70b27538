package dev.latchkey.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.latchkey.user.User;

/**
 * The signed-in user as a controller sees it: {@code @AuthenticationPrincipal LatchkeyUser user}.
 * It carries no password hash at all, so returning it from a controller, logging it or putting
 * it in a session is safe.
 *
 * @param id the user's id (the {@code user_id} claim)
 * @param username the username
 * @param name display name, may be blank
 * @param email may be blank
 * @param staff Django's {@code is_staff}
 * @param superuser Django's {@code is_superuser}
 * @param claims every claim of the access token that authenticated the request, in issue order
 */
// The claims are a token's JSON object, whatever claims the application adds: a map is the honest type.
public record LatchkeyUser(long id, String username, String name, String email, boolean staff, boolean superuser,
		Map<String, Object> claims) {

	public LatchkeyUser {
		// Claims may hold JSON nulls (Map.copyOf refuses them) and keep their order.
		claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

	/**
	 * The principal of a stored user and the claims of the token that authenticated it.
	 * @param user the stored user; its hash is left behind
	 * @param claims the token's claims
	 * @return the principal
	 */
	public static LatchkeyUser of(User user, Map<String, Object> claims) { // a token's claims: JSON, any names
		return new LatchkeyUser(user.id(), user.username(), user.name(), user.email(), user.staff(), user.superuser(),
				claims);
	}

}
