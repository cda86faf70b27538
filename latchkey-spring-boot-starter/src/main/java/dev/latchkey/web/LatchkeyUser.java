package dev.latchkey.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
	 * How the session was authenticated: the access token's {@code amr} claim (RFC 8176 names:
	 * {@code pwd}, {@code otp}, {@code webauthn}), {@code ["pwd"]} for a token without one.
	 */
	public List<String> amr() {
		if (this.claims.get("amr") instanceof List<?> methods) {
			return methods.stream().map(String::valueOf).toList();
		}
		return List.of("pwd");
	}

	/**
	 * Whether the session was authenticated with more than a password: a TOTP or recovery code
	 * after the password, or a passkey. An endpoint that needs it refuses otherwise, e.g.
	 * {@code if (!user.hasSecondFactor()) throw new ResponseStatusException(FORBIDDEN)}.
	 */
	public boolean hasSecondFactor() {
		List<String> amr = amr();
		return amr.contains("otp") || amr.contains("webauthn");
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
