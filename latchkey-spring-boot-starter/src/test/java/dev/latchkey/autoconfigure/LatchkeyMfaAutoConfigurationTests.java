package dev.latchkey.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import dev.latchkey.mfa.SecondFactors;
import dev.latchkey.passkey.Passkeys;
import dev.latchkey.user.PasswordLogin;
import dev.latchkey.web.MfaController;
import dev.latchkey.web.PasskeyController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MfaConfiguration} and {@link PasskeyConfiguration}: off by default in the starter, on
 * with their properties, and a start-up that fails clearly, without echoing the key, when MFA is
 * on without an encryption key or with a bad one.
 */
class LatchkeyMfaAutoConfigurationTests {

	private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	@TempDir
	Path dataDirectory;

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LatchkeyAutoConfiguration.class, DataSourceAutoConfiguration.class,
				WebMvcAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:mfa-autoconfig-${random.uuid}",
				"latchkey.jwt.signing-key=an-adequately-long-signing-key-of-32-bytes+");

	@Test
	void contextWhenNothingSaidThenNoSecondFactorsAndNoPasskeys() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(SecondFactors.class).doesNotHaveBean(MfaController.class);
			assertThat(context).doesNotHaveBean(Passkeys.class).doesNotHaveBean(PasskeyController.class);
			assertThat(context.getBean(PasswordLogin.class).secondFactorRequired(null)).isFalse();
		});
	}

	@Test
	void contextWhenMfaAndPasskeysOnWithKeyThenTheirBeans() {
		this.runner.withPropertyValues("latchkey.mfa.enabled=true", "latchkey.mfa.encryption-key=" + KEY,
				"latchkey.passkeys.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(SecondFactors.class).hasSingleBean(MfaController.class);
				assertThat(context).hasSingleBean(Passkeys.class).hasSingleBean(PasskeyController.class);
			});
	}

	@Test
	void contextWhenMfaOnWithoutKeyThenFailsNamingTheProperty() {
		this.runner.withPropertyValues("latchkey.mfa.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("latchkey.mfa.encryption-key");
		});
	}

	@Test
	void contextWhenMfaKeyOfWrongLengthThenFailsWithoutEchoingIt() {
		String shortKey = "c2hvcnQta2V5LW9mLTE2Yg==";
		this.runner.withPropertyValues("latchkey.mfa.enabled=true", "latchkey.mfa.encryption-key=" + shortKey)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("latchkey.mfa.encryption-key")
					.hasMessageContaining("32 bytes")
					.hasMessageNotContaining(shortKey);
			});
	}

	@Test
	void contextWhenGenerateEncryptionKeyThenKeptInTheDataDirectory() {
		this.runner.withPropertyValues("latchkey.mfa.enabled=true", "latchkey.mfa.generate-encryption-key=true",
				"latchkey.data-directory=" + this.dataDirectory)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Files.size(this.dataDirectory.resolve(MfaConfiguration.KEY_FILE))).isGreaterThan(40);
			});
	}

}
