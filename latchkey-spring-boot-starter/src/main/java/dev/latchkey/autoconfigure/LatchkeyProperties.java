package dev.latchkey.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

import dev.latchkey.web.TokenDelivery;

/**
 * Configuration properties for Latchkey, one namespace for everything SimpleJWT and dj-rest-auth
 * configure in Django's settings.
 *
 * @param dataDirectory directory where the server keeps what it generates itself, such as the
 * signing key used when none is configured
 * @param jwt token settings
 * @param password password hashing and validation settings
 * @param web HTTP settings
 * @param cookies token cookie settings
 * @param sessions session  settings
 * @param throttle brute-force protection and sign-up limits
 */
@ConfigurationProperties("latchkey")
public record LatchkeyProperties(@DefaultValue("./data") Path dataDirectory, @DefaultValue Jwt jwt,
		@DefaultValue Password password, @DefaultValue Web web, @DefaultValue Cookies cookies,
		@DefaultValue Sessions sessions, @DefaultValue Throttle throttle) {

	/**
	 * Token settings (SimpleJWT's {@code SIMPLE_JWT}).
	 *
	 * @param signingKey HMAC key whose UTF-8 bytes sign tokens (SimpleJWT's SIGNING_KEY), at
	 * least as long as the hash output. When not set, a random 256-bit key is generated in the
	 * data directory.
	 * @param algorithm signing algorithm (HS256, HS384 or HS512)
	 * @param accessTokenLifetime lifetime of access tokens
	 * @param refreshTokenLifetime lifetime of refresh tokens
	 * @param leeway clock skew tolerated when checking expiry
	 * @param userIdClaim name of the claim holding the user's id
	 * @param audience audience written into and required of every token, if any
	 * @param issuer issuer written into and required of every token, if any
	 * @param authHeaderType scheme accepted in the Authorization header
	 * @param updateLastLogin whether a successful login updates the user's last_login
	 * @param rotateRefreshTokens whether refresh answers a new refresh token too
	 * @param blacklistAfterRotation whether a rotated refresh token stops working; presenting it
	 * again after the grace period then revokes its whole session
	 * @param slidingTokenLifetime how long a sliding token authenticates
	 * @param slidingTokenRefreshLifetime how long a sliding token can be refreshed
	 * @param acceptSlidingTokens whether sliding tokens authenticate API requests as access
	 * tokens do
	 * @param keys named signing keys, each bound to one algorithm; when set, signing-key and
	 * algorithm are not used
	 * @param jwkSetUri remote JWK Set whose keys also verify tokens (SimpleJWT's JWK_URL)
	 * @param jwkSetCacheLifetime how long a fetched remote JWK Set is used
	 * @param jwkSetRefreshInterval shortest time between two fetches of the remote JWK Set, also
	 * for unknown kids
	 * @param authoritiesClaim claim of the access token whose names become authorities as they
	 * are (besides ROLE_STAFF, ROLE_SUPERUSER and ROLE_ for each name in a groups claim); none by
	 * default
	 * @param verifiedTokenCacheSize how many verified access tokens each instance remembers, so that
	 * a token presented again has its signature checked once (keyed by the SHA-256 of the whole
	 * token, compared in full on a hit); expiry, revoked sessions and the active user are still
	 * checked on every request; 0 switches the cache off
	 * @param verifiedTokenCacheMaximumAge longest time a remembered token is served without its
	 * signature being checked again (never past its exp); 0 switches the cache off
	 */
	public record Jwt(String signingKey, @DefaultValue("HS256") String algorithm,
			@DefaultValue("5m") Duration accessTokenLifetime, @DefaultValue("1d") Duration refreshTokenLifetime,
			@DefaultValue("0s") Duration leeway, @DefaultValue("user_id") String userIdClaim, String audience,
			String issuer, @DefaultValue("Bearer") String authHeaderType,
			@DefaultValue("false") boolean updateLastLogin, @DefaultValue("true") boolean rotateRefreshTokens,
			@DefaultValue("true") boolean blacklistAfterRotation, @DefaultValue("5m") Duration slidingTokenLifetime,
			@DefaultValue("1d") Duration slidingTokenRefreshLifetime,
			@DefaultValue("false") boolean acceptSlidingTokens, @DefaultValue List<Key> keys, java.net.URI jwkSetUri,
			@DefaultValue("5m") Duration jwkSetCacheLifetime, @DefaultValue("30s") Duration jwkSetRefreshInterval,
			String authoritiesClaim, @DefaultValue("4096") int verifiedTokenCacheSize,
			@DefaultValue("5m") Duration verifiedTokenCacheMaximumAge) {

		@Override
		public String toString() {
			return "Jwt[signingKey=<redacted>, algorithm=" + this.algorithm + "]";
		}

	}

	/**
	 * One signing key. Give exactly one of secret, jwk-file or pem-file.
	 *
	 * @param kid key id written into the header of the tokens it signs
	 * @param algorithm the one algorithm the key is used with (HS256/384/512, RS256/384/512,
	 * PS256/384/512, ES256/384/512 or EdDSA)
	 * @param secret HMAC secret (UTF-8 bytes), at least as long as the hash output
	 * @param jwkFile file holding the key as a JWK, or a JWK Set containing kid
	 * @param pemFile file holding the key in PEM: a private key to sign, or a public key to verify
	 * only
	 * @param active whether this key signs new tokens; exactly one key is active, the others
	 * only verify
	 */
	public record Key(String kid, String algorithm, String secret, Path jwkFile, Path pemFile,
			@DefaultValue("true") boolean active) {

		@Override
		public String toString() {
			return "Key[kid=" + this.kid + ", algorithm=" + this.algorithm + ", secret=<redacted>]";
		}

	}

	/**
	 * Password hashing and validation settings.
	 *
	 * @param argon2MemoryKib Argon2id memory cost of new hashes, in KiB
	 * @param argon2Iterations Argon2id time cost (iterations) of new hashes
	 * @param argon2Parallelism Argon2id parallelism (lanes) of new hashes
	 * @param minimumLength minimum password length checked by the length validator
	 * @param hashingThreads threads that hash passwords; 0 means one per core
	 * @param hashingMaxWait longest predicted wait for a hash to start (hashes ahead of it times the
	 * measured mean hash time, divided by the threads) that is still admitted; a hash predicted to
	 * start later is refused at once with 503 and a Retry-After of that prediction, and an admitted
	 * hash always runs to its end, however long it takes
	 * @param hashingNiceness Linux niceness (1-19) the hashing threads take, so that requests which
	 * do not hash are scheduled first; 0 (the default) leaves them at the JVM's priority, which
	 * measured better under a burst of logins (BENCHMARKS.md): low-priority hashing starves behind
	 * the burst's own refused requests
	 * @param hashingWarmUp whether each hasher is run a few times in the background right after
	 * start, so the first logins after a deploy cost what later ones do
	 */
	public record Password(@DefaultValue("19456") int argon2MemoryKib, @DefaultValue("2") int argon2Iterations,
			@DefaultValue("1") int argon2Parallelism, @DefaultValue("8") int minimumLength,
			@DefaultValue("0") int hashingThreads, @DefaultValue("2s") Duration hashingMaxWait,
			@DefaultValue("0") int hashingNiceness, @DefaultValue("true") boolean hashingWarmUp) {
	}

	/**
	 * HTTP settings.
	 *
	 * @param apiPrefix path prefix of every Latchkey endpoint
	 * @param maxBodySize largest request body accepted; larger ones get 413
	 * @param tokenDelivery how issued tokens reach the client: both (body and cookies), body or
	 * cookie
	 * @param permitAll extra path patterns that need no authentication, besides Latchkey's
	 * public endpoints
	 * @param csrfHeader header that must echo the CSRF cookie on unsafe cookie-authenticated
	 * requests
	 * @param corsAllowedOrigins origins of front ends allowed to call the API with credentials
	 * from another origin; CORS is off when empty
	 * @param contentSecurityPolicy Content-Security-Policy header sent with every response
	 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose X-Forwarded-For
	 * header names the client; none by default
	 * @param standalone whether Latchkey is the whole application, as in the runnable server:
	 * every error, not only those of Latchkey's endpoints, is rendered as DRF-shaped JSON, and a
	 * path no endpoint serves answers 404 with or without credentials; off in a host application,
	 * whose errors and error page stay its own
	 * @param drfAccessDenied whether a request refused for lack of permission (a denied
	 * {@code @PreAuthorize} included) on a filter chain with Latchkey's configurer gets DRF's 403
	 * body; when false Spring Security's own handling applies
	 */
	public record Web(@DefaultValue("/api") String apiPrefix, @DefaultValue("64KB") DataSize maxBodySize,
			@DefaultValue("both") TokenDelivery tokenDelivery, @DefaultValue List<String> permitAll,
			@DefaultValue("X-CSRFToken") String csrfHeader, @DefaultValue List<String> corsAllowedOrigins,
			@DefaultValue("default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'") String contentSecurityPolicy,
			@DefaultValue List<String> trustedProxies, @DefaultValue("false") boolean standalone,
			@DefaultValue("true") boolean drfAccessDenied) {
	}

	/**
	 * Token cookie settings (dj-rest-auth's JWT_AUTH_COOKIE settings).
	 *
	 * @param accessName name of the access token cookie
	 * @param refreshName name of the refresh token cookie
	 * @param secure whether the token cookies are only sent over HTTPS
	 * @param httpOnly whether the token cookies are hidden from page script
	 * @param sameSite SameSite attribute of the token cookies (Lax, Strict or None)
	 * @param domain domain of the token cookies; host-only when not set
	 * @param csrfName name of the CSRF cookie (readable by page script)
	 * @param namePrefixes whether the cookie names get the prefixes browsers enforce (RFC 6265bis
	 * section 4.1.3): __Host- for the access and CSRF cookies (Secure, Path=/, no Domain, so a
	 * sibling subdomain cannot set them), __Secure- for the refresh cookie (its Path is the API
	 * prefix); needs secure and no domain
	 */
	public record Cookies(@DefaultValue("access") String accessName, @DefaultValue("refresh") String refreshName,
			@DefaultValue("true") boolean secure, @DefaultValue("true") boolean httpOnly,
			@DefaultValue("Lax") String sameSite, String domain, @DefaultValue("csrftoken") String csrfName,
			@DefaultValue("false") boolean namePrefixes) {

		public Cookies {
			if (namePrefixes) {
				if (!secure || domain != null) {
					throw new InvalidConfigurationPropertyValueException("latchkey.cookies.name-prefixes", true,
							"Cookie name prefixes need latchkey.cookies.secure=true and no latchkey.cookies.domain");
				}
				accessName = "__Host-" + accessName;
				refreshName = "__Secure-" + refreshName;
				csrfName = "__Host-" + csrfName;
			}
		}

	}

	/**
	 * Session  settings.
	 *
	 * @param gracePeriod how long a rotated-out refresh token may be presented again (two tabs
	 * refreshing at once) before that counts as reuse and revokes the session
	 * @param maximumLifetime absolute lifetime of a session, however often it rotates
	 * @param revocationPollInterval how often each instance picks up sessions revoked by others
	 * @param userCacheTtl how long the request path may reuse a user it looked up, and that
	 * user's sign-up fields
	 * @param cleanupEnabled whether expired refresh-token rows and sessions are deleted on a schedule
	 * @param cleanupInterval how often expired rows are deleted
	 * @param cleanupBatchSize how many rows one cleanup statement deletes
	 * @param maximumPerUser most live sessions one user keeps: a new session (sign-up, login)
	 * ends the user's oldest ones beyond it, as a revocation; 0 for no limit
	 */
	public record Sessions(@DefaultValue("10s") Duration gracePeriod, @DefaultValue("30d") Duration maximumLifetime,
			@DefaultValue("500ms") Duration revocationPollInterval, @DefaultValue("500ms") Duration userCacheTtl,
			@DefaultValue("true") boolean cleanupEnabled, @DefaultValue("1h") Duration cleanupInterval,
			@DefaultValue("1000") int cleanupBatchSize, @DefaultValue("100") int maximumPerUser) {
	}

	/**
	 * Brute-force protection and sign-up limits.
	 *
	 * @param usernameThreshold failed password checks (logins, password changes) on one account,
	 * from any address, before it is locked
	 * @param ipThreshold failed logins from one client address, on any username, before it is
	 * locked
	 * @param initialLockout first lockout; each further failure doubles it
	 * @param maximumLockout longest lockout, and so the longest a victim can be locked out
	 * @param window how long failures are remembered
	 * @param signUpsPerWindow sign-ups allowed per client address per sign-up window
	 * @param signUpWindow sign-up counting window
	 */
	public record Throttle(@DefaultValue("5") int usernameThreshold, @DefaultValue("50") int ipThreshold,
			@DefaultValue("1s") Duration initialLockout, @DefaultValue("5m") Duration maximumLockout,
			@DefaultValue("15m") Duration window, @DefaultValue("20") int signUpsPerWindow,
			@DefaultValue("1h") Duration signUpWindow) {
	}

}
