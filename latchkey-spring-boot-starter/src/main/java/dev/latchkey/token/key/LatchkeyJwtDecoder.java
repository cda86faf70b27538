package dev.latchkey.token.key;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JWSObject;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import dev.latchkey.token.AccessTokenAuthenticator;
import dev.latchkey.token.ActiveUsers;
import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.token.TokenClaims;
import dev.latchkey.token.VerifiedToken;

/**
 * Latchkey's access-token check as a Spring Security {@link JwtDecoder}, so an application that
 * configures {@code oauth2ResourceServer().jwt()} itself accepts exactly the tokens Latchkey's
 * own filter accepts: {@link AccessTokenAuthenticator#authenticate} (signature, claims, type, and the
 * revoked-session check), then a user who exists and is active. Refresh tokens are refused.
 */
public final class LatchkeyJwtDecoder implements JwtDecoder {

	private final AccessTokenAuthenticator tokens;

	private final ActiveUsers activeUsers;

	public LatchkeyJwtDecoder(AccessTokenAuthenticator tokens, ActiveUsers activeUsers) {
		this.tokens = tokens;
		this.activeUsers = activeUsers;
	}

	@Override
	public Jwt decode(String token) {
		VerifiedToken verified;
		try {
			verified = this.tokens.authenticate(token);
		}
		catch (InvalidTokenException ex) {
			throw new BadJwtException(ex.getMessage());
		}
		if (!this.activeUsers.isActive(verified.userId())) {
			throw new BadJwtException("User is inactive");
		}
		Map<String, Object> claims = new LinkedHashMap<>(verified.claims());
		claims.put(TokenClaims.ISSUED_AT, verified.issuedAt());
		claims.put(TokenClaims.EXPIRES_AT, verified.expiresAt());
		return Jwt.withTokenValue(token)
			.headers((headers) -> headers.putAll(header(token)))
			.claims((all) -> all.putAll(claims))
			.subject(Long.toString(verified.userId()))
			.build();
	}

	private static Map<String, Object> header(String token) {
		try {
			return JWSObject.parse(token).getHeader().toJSONObject();
		}
		catch (ParseException ex) {
			throw new BadJwtException("Malformed token");
		}
	}

}
