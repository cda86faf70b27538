package dev.latchkey.token;

/**
 * The two kinds of SimpleJWT token, named by their {@code token_type} claim.
 */
public enum TokenType {

	ACCESS("access", "AccessToken"),

	REFRESH("refresh", "RefreshToken"),

	/** SimpleJWT's sliding token: one token that authenticates and refreshes itself. */
	SLIDING("sliding", "SlidingToken");

	private final String claimValue;

	private final String className;

	TokenType(String claimValue, String className) {
		this.claimValue = claimValue;
		this.className = className;
	}

	/**
	 * The type a {@code token_type} claim names.
	 * @throws InvalidTokenException "Token has wrong type" for any other value
	 */
	static TokenType fromClaim(Object claim) {
		for (TokenType type : values()) {
			if (type.claimValue.equals(claim)) {
				return type;
			}
		}
		throw new InvalidTokenException(InvalidTokenException.WRONG_TYPE);
	}

	/** The value of the {@code token_type} claim, as SimpleJWT writes it. */
	public String claimValue() {
		return this.claimValue;
	}

	/** SimpleJWT's class name for this type, used in its error bodies ({@code token_class}). */
	public String className() {
		return this.className;
	}

}
