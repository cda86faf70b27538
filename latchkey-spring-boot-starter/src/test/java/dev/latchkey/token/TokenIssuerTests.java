package dev.latchkey.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.latchkey.token.key.NimbusTokenCodec;

class TokenIssuerTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

	private final TokenCodec codec = new NimbusTokenCodec("issuer-tests-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
			JWSAlgorithm.HS256);

	private static String payload(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
	}

	@Test
	void issuePairWhenExtraClaimsThenAddedAfterSimpleJwtClaimsInOrder() {
		ExtraClaims role = (userId, type) -> Map.of("role", (userId == 7) ? "admin" : "member");
		ExtraClaims tenant = (userId, type) -> (type == TokenType.ACCESS) ? Map.of("tenant", "acme") : Map.of();
		TokenIssuer issuer = new TokenIssuer(this.codec, TokenSettings.defaults(), this.clock, List.of(role, tenant));

		TokenPair pair = issuer.issuePair(7, "s1", Instant.MAX).pair();

		assertThat(payload(pair.access())).matches("\\{\"token_type\":\"access\",\"exp\":\\d+,\"iat\":\\d+,\"jti\":\"[0-9a-f]{32}\","
				+ "\"user_id\":7,\"sid\":\"s1\",\"role\":\"admin\",\"tenant\":\"acme\"}");
		assertThat(payload(pair.refresh())).endsWith("\"sid\":\"s1\",\"role\":\"admin\"}");
		VerifiedToken verified = new TokenVerifier(this.codec, TokenSettings.defaults(), this.clock).verify(pair.access(), TokenType.ACCESS);
		assertThat(verified.claims()).containsEntry("role", "admin").containsEntry("tenant", "acme");
	}

	@Test
	void issuePairWhenExtraClaimWouldReplaceAReservedOneThenRefused() {
		for (String reserved : List.of("user_id", "exp", "token_type", "jti", "sid")) {
			TokenIssuer issuer = new TokenIssuer(this.codec, TokenSettings.defaults(), this.clock,
					List.of((userId, type) -> Map.of(reserved, 1)));
			assertThatIllegalStateException().isThrownBy(() -> issuer.issuePair(1, null, Instant.MAX)).withMessageContaining(reserved);
		}
	}

}
