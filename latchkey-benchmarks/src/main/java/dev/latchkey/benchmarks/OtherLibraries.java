package dev.latchkey.benchmarks;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;

/**
 * The same work as Latchkey's issue and verify, done the idiomatic way with each library on its own:
 * the same HS256 key, the same claims ({@code token_type, exp, iat, jti, user_id, sid}), and on
 * verify the same checks (signature with HS256 only, {@code exp}/{@code nbf}, a non-empty
 * {@code jti}, {@code token_type == "access"}, an integer {@code user_id}) ending in the same
 * result: jti, user id, session id.
 */
public final class OtherLibraries {

	static final long ACCESS_SECONDS = 300;

	static final long REFRESH_SECONDS = 86_400;

	/** What every verify returns. */
	public record Verified(String tokenId, long userId, String sessionId) {
	}

	/** Issues two tokens, like {@code TokenIssuer.issuePair}. */
	public interface PairIssuer {

		String[] issuePair(long userId, String sessionId);

	}

	/** Verifies an access token with every check. */
	public interface AccessVerifier {

		Verified verifyAccess(String token);

	}

	static String newTokenId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	static IllegalArgumentException invalid() {
		return new IllegalArgumentException("Token is invalid or expired");
	}

	/** Nimbus JOSE+JWT's {@code SignedJWT} and its {@code DefaultJWTProcessor} (what Spring's NimbusJwtDecoder uses). */
	public static final class Nimbus implements PairIssuer, AccessVerifier {

		private final MACSigner signer;

		private final JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

		private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

		public Nimbus(byte[] secret) {
			try {
				this.signer = new MACSigner(secret);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			this.processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256,
					new ImmutableSecret<>(new SecretKeySpec(secret, "HmacSHA256"))));
			DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
					new JWTClaimsSet.Builder().claim("token_type", "access").build(),
					new HashSet<>(List.of("exp", "jti", "user_id")));
			claims.setMaxClockSkew(0);
			this.processor.setJWTClaimsSetVerifier(claims);
		}

		@Override
		public String[] issuePair(long userId, String sessionId) {
			Instant now = Instant.now();
			return new String[] { sign("access", now, now.plusSeconds(ACCESS_SECONDS), userId, sessionId),
					sign("refresh", now, now.plusSeconds(REFRESH_SECONDS), userId, sessionId) };
		}

		private String sign(String type, Instant iat, Instant exp, long userId, String sessionId) {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("token_type", type)
				.expirationTime(Date.from(exp))
				.issueTime(Date.from(iat))
				.jwtID(newTokenId())
				.claim("user_id", userId)
				.claim("sid", sessionId)
				.build();
			SignedJWT jwt = new SignedJWT(this.header, claims);
			try {
				jwt.sign(this.signer);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			return jwt.serialize();
		}

		@Override
		public Verified verifyAccess(String token) {
			try {
				JWTClaimsSet claims = this.processor.process(token, null);
				String jti = claims.getJWTID();
				if (jti == null || jti.isEmpty() || !(claims.getClaim("user_id") instanceof Long userId)) {
					throw invalid();
				}
				return new Verified(jti, userId, claims.getStringClaim("sid"));
			}
			catch (Exception ex) {
				throw invalid();
			}
		}

	}

	/** jjwt 0.13 ({@code Jwts.builder()}, {@code Jwts.parser()}) with its Jackson 2 serializer. */
	public static final class Jjwt implements PairIssuer, AccessVerifier {

		private final SecretKey key;

		private final JwtParser parser;

		public Jjwt(byte[] secret) {
			this.key = new SecretKeySpec(secret, "HmacSHA256");
			this.parser = Jwts.parser().verifyWith(this.key).require("token_type", "access").build();
		}

		@Override
		public String[] issuePair(long userId, String sessionId) {
			Instant now = Instant.now();
			return new String[] { sign("access", now, now.plusSeconds(ACCESS_SECONDS), userId, sessionId),
					sign("refresh", now, now.plusSeconds(REFRESH_SECONDS), userId, sessionId) };
		}

		private String sign(String type, Instant iat, Instant exp, long userId, String sessionId) {
			return Jwts.builder()
				.header().type("JWT").and()
				.claim("token_type", type)
				.expiration(Date.from(exp))
				.issuedAt(Date.from(iat))
				.id(newTokenId())
				.claim("user_id", userId)
				.claim("sid", sessionId)
				.signWith(this.key, Jwts.SIG.HS256)
				.compact();
		}

		@Override
		public Verified verifyAccess(String token) {
			try {
				Claims claims = this.parser.parseSignedClaims(token).getPayload();
				String jti = claims.getId();
				Object userId = claims.get("user_id");
				if (jti == null || jti.isEmpty() || !(userId instanceof Long || userId instanceof Integer)) {
					throw invalid();
				}
				return new Verified(jti, ((Number) userId).longValue(), claims.get("sid", String.class));
			}
			catch (Exception ex) {
				throw invalid();
			}
		}

	}

	/** auth0 java-jwt 4.x ({@code JWT.create()}, {@code JWT.require()}). */
	public static final class Auth0 implements PairIssuer, AccessVerifier {

		private final Algorithm algorithm;

		private final JWTVerifier verifier;

		public Auth0(byte[] secret) {
			this.algorithm = Algorithm.HMAC256(secret);
			this.verifier = JWT.require(this.algorithm)
				.withClaim("token_type", "access")
				.withClaimPresence("jti")
				.withClaimPresence("user_id")
				.build();
		}

		@Override
		public String[] issuePair(long userId, String sessionId) {
			Instant now = Instant.now();
			return new String[] { sign("access", now, now.plusSeconds(ACCESS_SECONDS), userId, sessionId),
					sign("refresh", now, now.plusSeconds(REFRESH_SECONDS), userId, sessionId) };
		}

		private String sign(String type, Instant iat, Instant exp, long userId, String sessionId) {
			return JWT.create()
				.withClaim("token_type", type)
				.withExpiresAt(exp)
				.withIssuedAt(iat)
				.withJWTId(newTokenId())
				.withClaim("user_id", userId)
				.withClaim("sid", sessionId)
				.sign(this.algorithm);
		}

		@Override
		public Verified verifyAccess(String token) {
			try {
				DecodedJWT jwt = this.verifier.verify(token);
				String jti = jwt.getId();
				Long userId = jwt.getClaim("user_id").asLong();
				if (jti == null || jti.isEmpty() || userId == null) {
					throw invalid();
				}
				return new Verified(jti, userId, jwt.getClaim("sid").asString());
			}
			catch (Exception ex) {
				throw invalid();
			}
		}

	}

	private OtherLibraries() {
	}

}
