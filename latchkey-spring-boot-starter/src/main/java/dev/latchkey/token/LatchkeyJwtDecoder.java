package dev.latchkey.token;


import java.util.Map;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Latchkey's access-token check as a Spring Security {@link JwtDecoder}, so an application that
 * configures {@code oauth2ResourceServer().jwt()} itself accepts exactly the tokens Latchkey's
 * own filter accepts (and refuses refresh tokens).
 */
public final class LatchkeyJwtDecoder implements JwtDecoder {

	private final TokenVerifier verifier;

	public LatchkeyJwtDecoder(TokenVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public Jwt decode(String token) {
		VerifiedToken verified;
		try {
			verified = this.verifier.verify(token, TokenType.ACCESS);
		}
		catch (InvalidTokenException ex) {
			throw new BadJwtException(ex.getMessage());
		}
		Map<String, Object> claims = new java.util.LinkedHashMap<>(verified.claims());
		claims.put(TokenClaims.ISSUED_AT, verified.issuedAt());
		claims.put(TokenClaims.EXPIRES_AT, verified.expiresAt());
		return Jwt.withTokenValue(token)
			.header("alg", "HS256")
			.header("typ", "JWT")
			.claims((all) -> all.putAll(claims))
			.subject(Long.toString(verified.userId()))
			.build();
	}


}
