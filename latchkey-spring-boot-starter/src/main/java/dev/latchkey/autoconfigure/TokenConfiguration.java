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
import dev.latchkey.token.key.LatchkeyJwtDecoder;
import dev.latchkey.token.OutstandingTokenRepository;
import dev.latchkey.token.key.PublicKeySet;
import dev.latchkey.token.RevokedSessions;
import dev.latchkey.token.RotationSettings;
import dev.latchkey.token.UserSessions;
import dev.latchkey.token.SlidingSettings;
import dev.latchkey.token.SlidingTokens;
import dev.latchkey.token.SessionRepository;
import dev.latchkey.token.TokenRefresher;
import dev.latchkey.token.TokenCodec;
import dev.latchkey.token.TokenIssuer;
import dev.latchkey.token.AccessTokenAuthenticator;
import dev.latchkey.token.Logout;
import dev.latchkey.token.RevocationCheck;
import dev.latchkey.token.SessionStarter;
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
	RevokedSessions latchkeyRevokedSessions(SessionRepository sessions, TokenSettings settings,
			LatchkeyProperties properties, LatchkeyResilienceProperties resilience, Clock clock) {
		// The list ages by one poll (and one slow query) even when all is well.
		Duration staleLimit = StorageConfiguration.outageTolerance(properties, resilience)
			.plus(properties.sessions().revocationPollInterval())
			.plus(resilience.queryTimeout());
		return new RevokedSessions(sessions, settings.accessLifetime().plus(settings.leeway()), staleLimit, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionStarter latchkeySessionStarter(TokenIssuer issuer, OutstandingTokenRepository outstandingTokens,
			SessionRepository sessions, RotationSettings rotation, Clock clock) {
		return new SessionStarter(issuer, outstandingTokens, sessions, rotation, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	AccessTokenAuthenticator latchkeyAccessTokenAuthenticator(TokenVerifier verifier, RevokedSessions revokedSessions,
			LatchkeyProperties properties) {
		return new AccessTokenAuthenticator(verifier, revokedSessions, properties.jwt().acceptSlidingTokens());
	}

	@Bean
	@ConditionalOnMissingBean
	RevocationCheck latchkeyRevocationCheck(TokenVerifier verifier, RevokedSessions revokedSessions,
			OutstandingTokenRepository outstandingTokens, SessionRepository sessions) {
		return new RevocationCheck(verifier, revokedSessions, outstandingTokens, sessions);
	}

	@Bean
	@ConditionalOnMissingBean
	Logout latchkeyLogout(TokenVerifier verifier, OutstandingTokenRepository outstandingTokens,
			SessionRepository sessions, RevokedSessions revokedSessions, RotationSettings rotation, Clock clock,
			AuditLog audit) {
		return new Logout(verifier, outstandingTokens, sessions, revokedSessions, rotation, clock, audit);
	}

	@Bean
	@ConditionalOnMissingBean
	SlidingTokens latchkeySlidingTokens(TokenIssuer issuer, TokenVerifier verifier, SessionRepository sessions,
			RevokedSessions revokedSessions, ActiveUsers activeUsers, LatchkeyProperties properties, Clock clock) {
		LatchkeyProperties.Jwt jwt = properties.jwt();
		try {
			return new SlidingTokens(issuer, verifier, sessions, revokedSessions, activeUsers, new SlidingSettings(
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
			OutstandingTokenRepository outstandingTokens, SessionRepository sessions, RotationSettings rotation,
			ActiveUsers activeUsers, RevokedSessions revokedSessions, TransactionOperations latchkeyTransactions,
			Clock clock, AuditLog audit) {
		return new TokenRefresher(verifier, issuer, outstandingTokens, sessions, rotation, activeUsers,
				revokedSessions, latchkeyTransactions, clock, audit);
	}

	@Bean
	@ConditionalOnMissingBean
	UserSessions latchkeyUserSessions(SessionRepository sessions, RevokedSessions revokedSessions,
			TokenSettings settings, Clock clock, AuditLog audit) {
		return new UserSessions(sessions, revokedSessions, settings.refreshLifetime(), clock, audit);
	}

	@Bean
	@ConditionalOnMissingBean
	ExpiredTokenCleaner latchkeyExpiredTokenCleaner(OutstandingTokenRepository outstandingTokens,
			SessionRepository sessions, LatchkeyProperties properties, Clock clock) {
		return new ExpiredTokenCleaner(outstandingTokens, sessions, properties.sessions().cleanupBatchSize(), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	LatchkeyBackgroundTasks latchkeyBackgroundTasks(RevokedSessions revokedSessions, ExpiredTokenCleaner cleaner,
			LoginThrottle throttle, LatchkeyProperties properties) {
		return new LatchkeyBackgroundTasks(revokedSessions, () -> {
			cleaner.flushExpired();
			throttle.deleteIdle();
		}, properties.sessions());
	}

	@Bean
	@ConditionalOnMissingBean
	LatchkeyJwtDecoder latchkeyJwtDecoder(AccessTokenAuthenticator tokens, ActiveUsers latchkeyActiveUsers) {
		return new LatchkeyJwtDecoder(tokens, latchkeyActiveUsers);
	}

	@Bean
	@ConditionalOnMissingBean
	ActiveUsers latchkeyActiveUsers(UserRepository users) {
		return (userId) -> users.findById(userId).map(User::active).orElse(false);
	}

}
