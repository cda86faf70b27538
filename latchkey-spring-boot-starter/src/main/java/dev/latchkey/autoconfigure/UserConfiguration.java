package dev.latchkey.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.password.Argon2Parameters;
import dev.latchkey.password.CommonPasswordValidator;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.audit.LatchkeyEventListener;
import dev.latchkey.password.DjangoPasswordEncoder;
import dev.latchkey.password.HashingPool;
import dev.latchkey.password.MinimumLengthValidator;
import dev.latchkey.password.NumericPasswordValidator;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.password.PasswordValidator;
import dev.latchkey.password.UserAttributeSimilarityValidator;
import dev.latchkey.throttle.AttemptRepository;
import dev.latchkey.throttle.JdbcAttemptRepository;
import dev.latchkey.throttle.LoginThrottle;
import dev.latchkey.throttle.ThrottleSettings;
import dev.latchkey.user.CredentialsAuthenticator;
import dev.latchkey.user.LoginService;
import dev.latchkey.user.PasswordChange;
import dev.latchkey.user.ProfileService;
import dev.latchkey.user.Registration;
import dev.latchkey.user.SignUpField;
import dev.latchkey.user.UserFieldRepository;
import dev.latchkey.user.UserLookup;
import dev.latchkey.user.UserRepository;

@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PasswordHasher latchkeyPasswordHasher(LatchkeyProperties properties,
			ObjectProvider<HashingPool.HashTimings> hashTimings) {
		LatchkeyProperties.Password password = properties.password();
		DjangoPasswordEncoder encoder;
		try {
			encoder = new DjangoPasswordEncoder(new Argon2Parameters(password.argon2MemoryKib(),
					password.argon2Iterations(), password.argon2Parallelism()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("latchkey.password", password, ex.getMessage());
		}
		// One core is left to the requests that do not hash, so a login flood cannot starve them
		// (measured in BENCHMARKS.md / login-flood.sh: p99 of GET /api/auth/user/ under a flood).
		int threads = (password.hashingThreads() > 0) ? password.hashingThreads()
				: Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
		List<HashingPool.HashTimings> timings = hashTimings.orderedStream().toList();
		return new HashingPool(encoder, threads, Math.max(1, password.hashingQueue()), password.hashingMaxWait(),
				(elapsed) -> timings.forEach((timing) -> timing.hashed(elapsed)));
	}

	@Bean
	@ConditionalOnMissingBean
	AuditLog latchkeyAuditLog(ObjectProvider<LatchkeyEventListener> listeners, Clock clock) {
		return new AuditLog(listeners.orderedStream().toList(), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	AttemptRepository latchkeyAttemptRepository(DataSource dataSource, LatchkeySchema schema,
			LatchkeyResilienceProperties resilience) {
		return new JdbcAttemptRepository(StorageConfiguration.jdbc(dataSource, resilience));
	}

	@Bean
	@ConditionalOnMissingBean
	LoginThrottle latchkeyLoginThrottle(AttemptRepository attempts, LatchkeyProperties properties, Clock clock) {
		LatchkeyProperties.Throttle throttle = properties.throttle();
		try {
			return new LoginThrottle(attempts, new ThrottleSettings(throttle.usernameThreshold(), throttle.ipThreshold(),
					throttle.initialLockout(), throttle.maximumLockout(), throttle.window(), throttle.signUpsPerWindow(),
					throttle.signUpWindow()), clock);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("latchkey.throttle", throttle, ex.getMessage());
		}
	}

	@Bean
	@ConditionalOnMissingBean
	LoginService latchkeyLoginService(CredentialsAuthenticator authenticator, LoginThrottle throttle, AuditLog audit) {
		return new LoginService(authenticator, throttle, audit);
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordPolicy latchkeyPasswordPolicy(LatchkeyProperties properties, ObjectProvider<PasswordValidator> extra) {
		// Django's four defaults first, in Django's order, then the application's own, in @Order.
		List<PasswordValidator> validators = new ArrayList<>(List.of(new UserAttributeSimilarityValidator(),
				new MinimumLengthValidator(properties.password().minimumLength()), new CommonPasswordValidator(),
				new NumericPasswordValidator()));
		extra.orderedStream().forEach(validators::add);
		return new PasswordPolicy(validators);
	}

	@Bean
	@ConditionalOnMissingBean
	UserLookup latchkeyUserLookup(UserRepository users) {
		return UserLookup.byUsername(users);
	}

	@Bean
	@ConditionalOnMissingBean
	Registration latchkeyRegistration(UserRepository users, PasswordHasher passwordHasher,
			PasswordPolicy passwordPolicy, Clock clock, LoginThrottle throttle, AuditLog audit,
			ObjectProvider<SignUpField> extraFields, UserFieldRepository fieldValues,
			TransactionOperations latchkeyTransactions) {
		return new Registration(users, passwordHasher, passwordPolicy, clock, throttle, audit,
				extraFields.orderedStream().toList(), fieldValues, latchkeyTransactions);
	}

	@Bean
	@ConditionalOnMissingBean
	CredentialsAuthenticator latchkeyCredentialsAuthenticator(UserRepository users, UserLookup lookup,
			PasswordHasher passwordHasher, Clock clock, LatchkeyProperties properties) {
		return new CredentialsAuthenticator(users, lookup, passwordHasher, clock, properties.jwt().updateLastLogin());
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordChange latchkeyPasswordChange(UserRepository users, PasswordHasher passwordHasher,
			PasswordPolicy passwordPolicy, AuditLog audit) {
		return new PasswordChange(users, passwordHasher, passwordPolicy, audit);
	}

	@Bean
	@ConditionalOnMissingBean
	ProfileService latchkeyProfileService(UserRepository users, UserFieldRepository fieldValues) {
		return new ProfileService(users, fieldValues);
	}

}
