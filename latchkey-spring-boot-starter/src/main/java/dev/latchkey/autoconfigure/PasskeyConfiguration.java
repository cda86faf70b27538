package dev.latchkey.autoconfigure;

import java.time.Clock;
import java.util.LinkedHashSet;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.latchkey.passkey.JdbcPasskeyCredentials;
import dev.latchkey.passkey.JdbcPasskeyUsers;
import dev.latchkey.passkey.Passkeys;
import dev.latchkey.passkey.WebAuthnChallenges;
import dev.latchkey.user.UserRepository;
import dev.latchkey.web.ClientInfos;
import dev.latchkey.web.PasskeyController;
import dev.latchkey.web.SignIn;

/**
 * Passkeys, on with {@code latchkey.passkeys.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LatchkeyPasskeyProperties.class)
@ConditionalOnProperty(name = "latchkey.passkeys.enabled", havingValue = "true")
class PasskeyConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Passkeys latchkeyPasskeys(DataSource dataSource, LatchkeySchema schema, LatchkeyResilienceProperties resilience,
			LatchkeyPasskeyProperties passkeys, UserRepository users, Clock clock) {
		var jdbc = StorageConfiguration.jdbc(dataSource, resilience);
		JdbcPasskeyUsers userEntities = new JdbcPasskeyUsers(jdbc);
		return new Passkeys(userEntities, new JdbcPasskeyCredentials(jdbc, userEntities),
				new WebAuthnChallenges(jdbc, passkeys.challengeLifetime()), users, passkeys.rpId(), passkeys.rpName(),
				new LinkedHashSet<>(passkeys.allowedOrigins()), clock);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class PasskeyWebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PasskeyController latchkeyPasskeyController(Passkeys passkeys, SignIn signIn, ClientInfos clients) {
			return new PasskeyController(passkeys, signIn, clients);
		}

	}

}
