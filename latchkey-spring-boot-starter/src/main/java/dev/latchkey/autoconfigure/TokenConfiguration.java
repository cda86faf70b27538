package dev.latchkey.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.audit.AuditLog;
import dev.latchkey.throttle.LoginThrottle;
import dev.latchkey.token.ActiveUsers;
import dev.latchkey.token.ExpiredTokenCleaner;
import dev.latchkey.token.ExtraClaims;
import dev.latchkey.token.LatchkeyJwtDecoder;
import dev.latchkey.token.OutstandingTokenRepository;
import dev.latchkey.token.PublicKeySet;
import dev.latchkey.token.RevokedFamilies;
import dev.latchkey.token.RotationSettings;
import dev.latchkey.token.SessionService;
import dev.latchkey.token.SlidingSettings;
import dev.latchkey.token.SlidingTokens;
import dev.latchkey.token.TokenFamilyRepository;
import dev.latchkey.token.TokenRefresher;
import dev.latchkey.token.TokenCodec;
import dev.latchkey.token.TokenIssuer;
import dev.latchkey.token.TokenService;
import dev.latchkey.token.TokenSettings;
import dev.latchkey.token.TokenVerifier;
import dev.latchkey.token.VerifiedTokenCache;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

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
	KeyRing latchkeyKeyRing(LatchkeyProperties properties) {
		return KeyRing.from(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenCodec latchkeyTokenCodec(KeyRing keyRing) {
		return keyRing.codec();
	}

	@Bean
	@ConditionalOnMissingBean
	PublicKeySet latchkeyPublicKeySet(KeyRing keyRing) {
		return new PublicKeySet(keyRing.keys());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenVerifier latchkeyTokenVerifier(TokenCodec codec, TokenSettings settings, Clock clock,
			LatchkeyProperties properties) {
		LatchkeyProperties.Jwt jwt = properties.jwt();
		return new TokenVerifier(VerifiedTokenCache.wrap(codec, jwt.verifiedTokenCacheSize(),
				jwt.verifiedTokenCacheMaximumAge(), clock), settings, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenIssuer latchkeyTokenIssuer(TokenCodec codec, TokenSettings settings, Clock clock,
			ObjectProvider<ExtraClaims> extraClaims) {
		return new TokenIssuer(codec, settings, clock, extraClaims.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	RotationSettings latchkeyRotationSettings(LatchkeyProperties properties) {
		LatchkeyProperties.Sessions sessions = properties.sessions();
		try {
			return new RotationSettings(properties.jwt().rotateRefreshTokens(), properties.jwt().blacklistAfterRotation(),
					sessions.gracePeriod(), sessions.maximumLifetime());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("latchkey.sessions", sessions, ex.getMessage());
		}
	}

	@Bean
	@ConditionalOnMissingBean
	RevokedFamilies latchkeyRevokedFamilies(TokenFamilyRepository families, TokenSettings settings,
			LatchkeyProperties properties, LatchkeyResilienceProperties resilience, Clock clock) {
		// The list ages by one poll (and one slow query) even when all is well.
		Duration staleLimit = StorageConfiguration.outageTolerance(properties, resilience)
			.plus(properties.sessions().revocationPollInterval())
			.plus(resilience.queryTimeout());
		return new RevokedFamilies(families, settings.accessLifetime().plus(settings.leeway()), staleLimit, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenService latchkeyTokenService(TokenIssuer issuer, TokenVerifier verifier,
			OutstandingTokenRepository outstandingTokens, TokenFamilyRepository families,
			RevokedFamilies revokedFamilies, RotationSettings rotation, Clock clock, AuditLog audit,
			LatchkeyProperties properties) {
		return new TokenService(issuer, verifier, outstandingTokens, families, revokedFamilies,
				rotation, clock, audit, properties.jwt().acceptSlidingTokens());
	}

	@Bean
	@ConditionalOnMissingBean
	SlidingTokens latchkeySlidingTokens(TokenIssuer issuer, TokenVerifier verifier, TokenFamilyRepository families,
			RevokedFamilies revokedFamilies, ActiveUsers activeUsers, LatchkeyProperties properties, Clock clock) {
		LatchkeyProperties.Jwt jwt = properties.jwt();
		try {
			return new SlidingTokens(issuer, verifier, families, revokedFamilies, activeUsers, new SlidingSettings(
					jwt.slidingTokenLifetime(), jwt.slidingTokenRefreshLifetime(), jwt.acceptSlidingTokens()), clock);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("latchkey.jwt.sliding-token-lifetime",
					jwt.slidingTokenLifetime(), ex.getMessage());
		}
	}

	@Bean
	@ConditionalOnMissingBean
	TokenRefresher latchkeyTokenRefresher(TokenVerifier verifier, TokenIssuer issuer,
			OutstandingTokenRepository outstandingTokens, TokenFamilyRepository families, RotationSettings rotation,
			ActiveUsers activeUsers, RevokedFamilies revokedFamilies, TransactionOperations latchkeyTransactions,
			Clock clock, AuditLog audit) {
		return new TokenRefresher(verifier, issuer, outstandingTokens, families, rotation, activeUsers,
				revokedFamilies, latchkeyTransactions, clock, audit);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionService latchkeySessionService(TokenFamilyRepository families, RevokedFamilies revokedFamilies,
			TokenSettings settings, Clock clock, AuditLog audit) {
		return new SessionService(families, revokedFamilies, settings.refreshLifetime(), clock, audit);
	}

	@Bean
	@ConditionalOnMissingBean
	ExpiredTokenCleaner latchkeyExpiredTokenCleaner(OutstandingTokenRepository outstandingTokens,
			TokenFamilyRepository families, LatchkeyProperties properties, Clock clock) {
		return new ExpiredTokenCleaner(outstandingTokens, families, properties.sessions().cleanupBatchSize(), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	LatchkeyBackgroundTasks latchkeyBackgroundTasks(RevokedFamilies revokedFamilies, ExpiredTokenCleaner cleaner,
			LoginThrottle throttle, LatchkeyProperties properties) {
		return new LatchkeyBackgroundTasks(revokedFamilies, () -> {
			cleaner.flushExpired();
			throttle.deleteIdle();
		}, properties.sessions());
	}

	@Bean
	@ConditionalOnMissingBean
	LatchkeyJwtDecoder latchkeyJwtDecoder(TokenService tokens, ActiveUsers latchkeyActiveUsers) {
		return new LatchkeyJwtDecoder(tokens, latchkeyActiveUsers);
	}

	@Bean
	@ConditionalOnMissingBean
	ActiveUsers latchkeyActiveUsers(UserRepository users) {
		return (userId) -> users.findById(userId).map(User::active).orElse(false);
	}

}
