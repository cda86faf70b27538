package dev.latchkey.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
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
import dev.latchkey.user.PasswordLogin;
import dev.latchkey.user.SecondFactorRequirement;
import dev.latchkey.user.PasswordChange;
import dev.latchkey.user.Profiles;
import dev.latchkey.user.Registration;
import dev.latchkey.user.SignUpField;
import dev.latchkey.user.UserFieldRepository;
import dev.latchkey.user.UserLookup;
import dev.latchkey.user.UserRepository;

@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	/** Warm-up rounds per hashing thread: enough for the JIT to compile each hasher's inner loop. */
	private static final int WARM_UP_ROUNDS = 3;

	@Bean
	@ConditionalOnMissingBean
	PasswordHasher latchkeyPasswordHasher(LatchkeyProperties properties,
			ObjectProvider<HashingPool.Listener> listeners) {
		LatchkeyProperties.Password password = properties.password();
		Argon2Parameters argon2;
		HashingPool.Settings settings;
		try {
			argon2 = new Argon2Parameters(password.argon2MemoryKib(), password.argon2Iterations(),
					password.argon2Parallelism());
			// Every core may hash: the threads' lower priority, not an idle core, keeps the other
			// requests fast (BENCHMARKS.md, "Logins under load").
			int threads = (password.hashingThreads() > 0) ? password.hashingThreads()
					: Runtime.getRuntime().availableProcessors();
			settings = new HashingPool.Settings(threads, password.hashingMaxWait(), password.hashingNiceness(), argon2);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("latchkey.password", password, ex.getMessage());
		}
		List<HashingPool.Listener> all = listeners.orderedStream().toList();
		return new HashingPool(new DjangoPasswordEncoder(argon2), settings, new HashingPool.Listener() {

			@Override
			public void hashed(Duration elapsed) {
				all.forEach((listener) -> listener.hashed(elapsed));
			}

			@Override
			public void waited(Duration waited) {
				all.forEach((listener) -> listener.waited(waited));
			}

			@Override
			public void refused(Duration predictedWait) {
				all.forEach((listener) -> listener.refused(predictedWait));
			}

		});
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "latchkey.password.hashing-warm-up", matchIfMissing = true)
	ApplicationListener<ApplicationReadyEvent> latchkeyHashingWarmUp(ObjectProvider<PasswordHasher> hashers) {
		// After start, not during it: the warm-up competes with nothing but the first requests.
		return (event) -> {
			if (hashers.getIfUnique() instanceof HashingPool pool) {
				pool.warmUp(WARM_UP_ROUNDS);
			}
		};
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
	LoginThrottle latchkeyLoginThrottle(AttemptRepository attempts, LatchkeyProperties properties, Clock clock,
			TransactionOperations latchkeyTransactions) {
		LatchkeyProperties.Throttle throttle = properties.throttle();
		try {
			return new LoginThrottle(attempts, new ThrottleSettings(throttle.usernameThreshold(), throttle.ipThreshold(),
					throttle.initialLockout(), throttle.maximumLockout(), throttle.window(), throttle.signUpsPerWindow(),
					throttle.signUpWindow()), clock, latchkeyTransactions);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("latchkey.throttle", throttle, ex.getMessage());
		}
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordLogin latchkeyPasswordLogin(CredentialsAuthenticator authenticator, UserLookup lookup,
			LoginThrottle throttle, AuditLog audit, ObjectProvider<SecondFactorRequirement> secondFactors) {
		return new PasswordLogin(authenticator, lookup, throttle, audit,
				secondFactors.getIfAvailable(() -> SecondFactorRequirement.NONE));
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
			PasswordPolicy passwordPolicy, LoginThrottle throttle, AuditLog audit) {
		return new PasswordChange(users, passwordHasher, passwordPolicy, throttle, audit);
	}

	@Bean
	@ConditionalOnMissingBean
	Profiles latchkeyProfiles(UserRepository users, UserFieldRepository fieldValues) {
		return new Profiles(users, fieldValues);
	}

}
