package dev.latchkey.token.key;

import java.util.List;
import java.util.Map;

/**
 * The JWK Set Latchkey publishes at {@code /.well-known/jwks.json} (RFC 7517 section 5): the public
 * part of every asymmetric key, active or verify-only, so other services can verify its tokens
 * through a rotation. Secrets and private members are never in it.
 */
public final class PublicKeySet {

	private final Map<String, Object> json;

	public PublicKeySet(List<SigningKey> keys) {
		List<Map<String, Object>> published = keys.stream()
			.filter((key) -> key.publicJwk() != null)
			.map((key) -> key.publicJwk().toPublicJWK().toJSONObject())
			.toList();
		this.json = Map.of("keys", published);
	}

	/** {@code {"keys": [...]}}, empty for a secret-only configuration. */
	public Map<String, Object> toJson() {
		return this.json;
	}

}
