package dev.latchkey.autoconfigure;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.latchkey.password.Argon2Parameters;
import dev.latchkey.password.CommonPasswordValidator;
import dev.latchkey.password.DjangoPasswordEncoder;
import dev.latchkey.password.MinimumLengthValidator;
import dev.latchkey.password.NumericPasswordValidator;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.password.UserAttributeSimilarityValidator;
import dev.latchkey.user.CredentialsAuthenticator;
import dev.latchkey.user.PasswordChange;
import dev.latchkey.user.ProfileService;
import dev.latchkey.user.Registration;
import dev.latchkey.user.UserRepository;

@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DjangoPasswordEncoder latchkeyPasswordEncoder(LatchkeyProperties properties) {
		LatchkeyProperties.Password password = properties.password();
		try {
			return new DjangoPasswordEncoder(new Argon2Parameters(password.argon2MemoryKib(),
					password.argon2Iterations(), password.argon2Parallelism()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("latchkey.password", password, ex.getMessage());
		}
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordPolicy latchkeyPasswordPolicy(LatchkeyProperties properties) {
		return new PasswordPolicy(List.of(new UserAttributeSimilarityValidator(),
				new MinimumLengthValidator(properties.password().minimumLength()), new CommonPasswordValidator(),
				new NumericPasswordValidator()));
	}

	@Bean
	@ConditionalOnMissingBean
	Registration latchkeyRegistration(UserRepository users, DjangoPasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, Clock clock) {
		return new Registration(users, passwordEncoder, passwordPolicy, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	CredentialsAuthenticator latchkeyCredentialsAuthenticator(UserRepository users,
			DjangoPasswordEncoder passwordEncoder, Clock clock, LatchkeyProperties properties) {
		return new CredentialsAuthenticator(users, passwordEncoder, clock, properties.jwt().updateLastLogin());
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordChange latchkeyPasswordChange(UserRepository users, DjangoPasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy) {
		return new PasswordChange(users, passwordEncoder, passwordPolicy);
	}

	@Bean
	@ConditionalOnMissingBean
	ProfileService latchkeyProfileService(UserRepository users) {
		return new ProfileService(users);
	}

}
