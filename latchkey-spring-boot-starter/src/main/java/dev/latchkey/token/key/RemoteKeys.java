package dev.latchkey.token.key;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Verification keys fetched from a remote JWK Set (SimpleJWT's {@code JWK_URL}): cached, and
 * fetched again for an unknown {@code kid} at most once per refresh interval. The URL is the
 * configured one only: a {@code jku} or {@code x5u} in a token is never followed.
 */
public final class RemoteKeys {

	private final JWKSource<SecurityContext> source;

	/**
	 * @param jwkSetUri where the JWK Set is published
	 * @param cacheLifetime how long a fetched set is used before it is fetched again
	 * @param refreshInterval the shortest time between two fetches (unknown kids included)
	 */
	public RemoteKeys(URI jwkSetUri, Duration cacheLifetime, Duration refreshInterval) {
		try {
			this.source = JWKSourceBuilder.create(jwkSetUri.toURL())
				.cache(cacheLifetime.toMillis(), Math.min(15_000, cacheLifetime.toMillis()))
				.rateLimited(refreshInterval.toMillis())
				.refreshAheadCache(false)
				.retrying(false)
				.build();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not a JWK Set URL: " + jwkSetUri, ex);
		}
		catch (IllegalStateException ex) {
			throw new IllegalArgumentException("The refresh interval must be shorter than the cache lifetime", ex);
		}
	}

	/** A verifier for the remote key named {@code kid}, if the set has one for this algorithm. */
	Optional<JWSVerifier> verifier(String keyId, JWSAlgorithm algorithm) {
		if (keyId == null) {
			return Optional.empty();
		}
		try {
			List<JWK> keys = this.source.get(new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build()), null);
			for (JWK key : keys) {
				if (key.isPrivate() || key instanceof com.nimbusds.jose.jwk.OctetSequenceKey) {
					// A published secret is no key to trust.
					continue;
				}
				if (key.getAlgorithm() == null || algorithm.equals(key.getAlgorithm())) {
					return Optional.of(SigningKeys.fromJwk(key, algorithm, false).verifier());
				}
			}
			return Optional.empty();
		}
		catch (KeySourceException | IllegalArgumentException ex) {
			// Unreachable or rate-limited JWK Set: the token cannot be checked, so it is refused.
			return Optional.empty();
		}
	}

}
