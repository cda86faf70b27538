package dev.latchkey.token;

import java.util.Map;

/**
 * Adds claims to the tokens Latchkey issues: the counterpart of overriding SimpleJWT's
 * {@code TokenObtainPairSerializer.get_token}. Declare beans of this type; they run in
 * {@code @Order}. They cannot replace the claims Latchkey relies on ({@code token_type},
 * {@code exp}, {@code iat}, {@code jti}, the user id, {@code sid}, {@code aud}, {@code iss},
 * {@code nbf}, {@code refresh_exp}).
 */
@FunctionalInterface
public interface ExtraClaims {

	/**
	 * @param userId whose token it is
	 * @param type the token being issued
	 * @return claims to add, with JSON-compatible values (strings, numbers, booleans, lists, maps)
	 */
	Map<String, Object> claims(long userId, TokenType type);

}
