package dev.latchkey.autoconfigure;

import java.time.Clock;
import java.util.Base64;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.latchkey.audit.AuditLog;
import dev.latchkey.mfa.MfaChallenges;
import dev.latchkey.mfa.RecoveryCodes;
import dev.latchkey.mfa.SecondFactors;
import dev.latchkey.mfa.SecretCipher;
import dev.latchkey.mfa.TotpSecrets;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.throttle.LoginThrottle;
import dev.latchkey.token.key.GeneratedSigningKey;
import dev.latchkey.user.UserRepository;
import dev.latchkey.web.ClientInfos;
import dev.latchkey.web.MfaController;
import dev.latchkey.web.SignIn;

/**
 * TOTP second factors and recovery codes, on with {@code latchkey.mfa.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LatchkeyMfaProperties.class)
@ConditionalOnProperty(name = "latchkey.mfa.enabled", havingValue = "true")
class MfaConfiguration {

	static final String KEY_FILE = "mfa-encryption.key";

	@Bean
	@ConditionalOnMissingBean
	SecretCipher latchkeySecretCipher(LatchkeyMfaProperties mfa, LatchkeyProperties properties) {
		return new SecretCipher(encryptionKey(mfa, properties));
	}

	static byte[] encryptionKey(LatchkeyMfaProperties mfa, LatchkeyProperties properties) {
		if (mfa.encryptionKey() == null || mfa.encryptionKey().isBlank()) {
			if (mfa.generateEncryptionKey()) {
				return GeneratedSigningKey.loadOrCreate(properties.dataDirectory().resolve(KEY_FILE),
						"latchkey.mfa.encryption-key");
			}
			throw new InvalidConfigurationPropertyValueException("latchkey.mfa.encryption-key", null,
					"latchkey.mfa.enabled=true needs an AES-256 key for the TOTP secrets, separate from the signing key: "
							+ "32 random bytes, base64 encoded (openssl rand -base64 32), the same on every instance");
		}
		byte[] key;
		try {
			String text = mfa.encryptionKey().strip();
			key = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(text)
					: Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("latchkey.mfa.encryption-key", "<redacted>",
					"Not base64");
		}
		if (key.length != 32) {
			throw new InvalidConfigurationPropertyValueException("latchkey.mfa.encryption-key", "<redacted>",
					"Must be 32 bytes (256 bits) once base64-decoded, not " + key.length);
		}
		return key;
	}

	@Bean
	@ConditionalOnMissingBean
	SecondFactors latchkeySecondFactors(DataSource dataSource, LatchkeySchema schema,
			LatchkeyResilienceProperties resilience, LatchkeyMfaProperties mfa, SecretCipher cipher,
			LoginThrottle throttle, PasswordHasher passwords, UserRepository users, AuditLog audit, Clock clock) {
		var jdbc = StorageConfiguration.jdbc(dataSource, resilience);
		return new SecondFactors(new TotpSecrets(jdbc), new RecoveryCodes(jdbc), new MfaChallenges(jdbc, mfa.tokenLifetime()),
				cipher, throttle, passwords, users, audit, clock, mfa.issuer());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class MfaWebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MfaController latchkeyMfaController(SecondFactors secondFactors, SignIn signIn, ClientInfos clients) {
			return new MfaController(secondFactors, signIn, clients);
		}

	}

}
