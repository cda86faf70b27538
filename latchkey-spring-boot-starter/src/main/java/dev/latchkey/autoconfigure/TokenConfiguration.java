package dev.latchkey.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.nimbusds.jose.JWSAlgorithm;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.latchkey.token.GeneratedSigningKey;
import dev.latchkey.token.LatchkeyJwtDecoder;
import dev.latchkey.token.NimbusTokenCodec;
import dev.latchkey.token.OutstandingTokenRepository;
import dev.latchkey.token.TokenCodec;
import dev.latchkey.token.TokenIssuer;
import dev.latchkey.token.TokenService;
import dev.latchkey.token.TokenSettings;
import dev.latchkey.token.TokenVerifier;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	static final String SIGNING_KEY_FILE = "jwt-signing-key";

	@Bean
	@ConditionalOnMissingBean
	TokenSettings latchkeyTokenSettings(LatchkeyProperties properties) {
		LatchkeyProperties.Jwt jwt = properties.jwt();
		try {
			return new TokenSettings(jwt.accessTokenLifetime(), jwt.refreshTokenLifetime(), jwt.leeway(),
					jwt.userIdClaim(), jwt.audience(), jwt.issuer());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("latchkey.jwt", jwt, ex.getMessage());
		}
	}

	@Bean
	@ConditionalOnMissingBean
	TokenCodec latchkeyTokenCodec(LatchkeyProperties properties) {
		LatchkeyProperties.Jwt jwt = properties.jwt();
		JWSAlgorithm algorithm = JWSAlgorithm.parse(jwt.algorithm());
		if (!JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
			throw new InvalidConfigurationPropertyValueException("latchkey.jwt.algorithm", jwt.algorithm(),
					"Only HS256, HS384 and HS512 are supported");
		}
		byte[] key = (jwt.signingKey() != null && !jwt.signingKey().isEmpty())
				? jwt.signingKey().getBytes(StandardCharsets.UTF_8)
				: GeneratedSigningKey.loadOrCreate(properties.dataDirectory().resolve(SIGNING_KEY_FILE));
		try {
			return new NimbusTokenCodec(key, algorithm);
		}
		catch (IllegalArgumentException ex) {
			// The key itself is never echoed back, not even in a start-up failure.
			throw new InvalidConfigurationPropertyValueException("latchkey.jwt.signing-key", "<redacted>",
					ex.getMessage());
		}
	}

	@Bean
	@ConditionalOnMissingBean
	TokenVerifier latchkeyTokenVerifier(TokenCodec codec, TokenSettings settings, Clock clock) {
		return new TokenVerifier(codec, settings, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenIssuer latchkeyTokenIssuer(TokenCodec codec, TokenSettings settings, Clock clock) {
		return new TokenIssuer(codec, settings, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenService latchkeyTokenService(TokenIssuer issuer, TokenVerifier verifier,
			OutstandingTokenRepository outstandingTokens) {
		return new TokenService(issuer, verifier, outstandingTokens);
	}

	@Bean
	@ConditionalOnMissingBean
	LatchkeyJwtDecoder latchkeyJwtDecoder(TokenVerifier verifier) {
		return new LatchkeyJwtDecoder(verifier);
	}

}
