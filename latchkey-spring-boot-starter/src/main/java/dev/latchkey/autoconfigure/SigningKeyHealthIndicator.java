package dev.latchkey.autoconfigure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.latchkey.token.TokenCodec;

/**
 * Reports the {@code latchkey} health contributor: up when the configured {@link TokenCodec} can
 * sign a throwaway claim set and verify it again, so that an instance whose key or algorithm is
 * broken is taken out of rotation rather than answering every login with a 500. The probe token
 * is never sent anywhere; the key is never part of the report.
 */
final class SigningKeyHealthIndicator extends AbstractHealthIndicator {

	private static final String NONCE = "latchkey_health";

	private final TokenCodec codec;

	private final Clock clock;

	SigningKeyHealthIndicator(TokenCodec codec, Clock clock) {
		super("Latchkey signing key check failed");
		this.codec = codec;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		String nonce = UUID.randomUUID().toString();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(NONCE, nonce);
		claims.put("iat", this.clock.instant().getEpochSecond());
		Map<String, Object> decoded = this.codec.decode(this.codec.encode(claims));
		if (nonce.equals(decoded.get(NONCE))) {
			builder.up();
		}
		else {
			builder.down().withDetail("error", "A token signed with the configured key did not verify");
		}
	}

}
