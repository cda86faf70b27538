package dev.latchkey.token;

/**
 * Names of the claims Latchkey reads and writes, as SimpleJWT 5.2 names them.
 */
public final class TokenClaims {

	public static final String TOKEN_TYPE = "token_type";

	public static final String EXPIRES_AT = "exp";

	public static final String ISSUED_AT = "iat";

	public static final String NOT_BEFORE = "nbf";

	/** How long a sliding token may still be refreshed ({@code SLIDING_TOKEN_REFRESH_EXP_CLAIM}). */
	public static final String REFRESH_EXPIRES_AT = "refresh_exp";

	public static final String TOKEN_ID = "jti";

	public static final String AUDIENCE = "aud";

	public static final String ISSUER = "iss";

	/** The session  a token belongs to, as OpenID Connect names it. */
	public static final String SESSION_ID = "sid";

	/** How the session's user authenticated (RFC 8176 method names), on access tokens. */
	public static final String AUTHENTICATION_METHODS = "amr";

	public static final String DEFAULT_USER_ID = "user_id";

	private TokenClaims() {
	}

}
