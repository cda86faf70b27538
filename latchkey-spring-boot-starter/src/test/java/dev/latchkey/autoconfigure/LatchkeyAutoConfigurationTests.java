package dev.latchkey.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.Customizer;
import org.springframework.security.web.SecurityFilterChain;

import dev.latchkey.web.LatchkeyConfigurer;

import dev.latchkey.token.SessionStarter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LatchkeyAutoConfiguration} in a real web application context on an H2 database.
 */
class LatchkeyAutoConfigurationTests {

	@TempDir
	Path dataDirectory;

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LatchkeyAutoConfiguration.class, DataSourceAutoConfiguration.class,
				WebMvcAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-${random.uuid}");

	@Test
	void contextWhenSigningKeyConfiguredThenLatchkeyChainAndServices() {
		this.runner.withPropertyValues("latchkey.jwt.signing-key=an-adequately-long-signing-key-of-32-bytes+")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(SessionStarter.class);
				assertThat(context).hasBean("latchkeySecurityFilterChain");
			});
	}

	@Test
	void contextWhenSigningKeyTooShortThenFailsNamingThePropertyWithoutTheKey() {
		this.runner.withPropertyValues("latchkey.jwt.signing-key=too-short-secret").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("latchkey.jwt.signing-key")
				.hasMessageNotContaining("too-short-secret");
		});
	}

	@Test
	void contextWhenNoSigningKeyThenGeneratesOneInTheDataDirectory() {
		this.runner.withPropertyValues("latchkey.data-directory=" + this.dataDirectory).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(Files.size(this.dataDirectory.resolve(KeyRing.SIGNING_KEY_FILE))).isGreaterThan(40);
		});
	}

	@Test
	void contextWhenApplicationDeclaresItsOwnChainThenLatchkeyDefaultChainStepsAsideAndApiChainStays() {
		this.runner.withPropertyValues("latchkey.jwt.signing-key=an-adequately-long-signing-key-of-32-bytes+")
			.withUserConfiguration(OwnChain.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("ownChain",
						"latchkeyApiSecurityFilterChain");
			});
	}

	@Test
	void contextWhenApplicationChainLacksLatchkeyThenCheckNamesIt() {
		this.runner.withPropertyValues("latchkey.jwt.signing-key=an-adequately-long-signing-key-of-32-bytes+")
			.withUserConfiguration(OwnChain.class)
			.run((context) -> {
				FilterChainCheck check = new FilterChainCheck(
						List.copyOf(context.getBeansOfType(SecurityFilterChain.class).values()));
				assertThat(check.warnOfChainsWithoutLatchkey()).isEqualTo(1);
			});
	}

	@Test
	void contextWhenApplicationChainAddsLatchkeyConfigurerThenCheckIsSatisfied() {
		this.runner.withPropertyValues("latchkey.jwt.signing-key=an-adequately-long-signing-key-of-32-bytes+")
			.withUserConfiguration(ComposedChain.class)
			.run((context) -> {
				FilterChainCheck check = new FilterChainCheck(
						List.copyOf(context.getBeansOfType(SecurityFilterChain.class).values()));
				assertThat(check.warnOfChainsWithoutLatchkey()).isZero();
			});
	}

	@Test
	void contextWhenBadArgon2SettingsThenFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("latchkey.jwt.signing-key=an-adequately-long-signing-key-of-32-bytes+",
					"latchkey.password.argon2-iterations=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("latchkey.password"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ComposedChain {

		@Bean
		SecurityFilterChain composedChain(HttpSecurity http) throws Exception {
			return http.with(LatchkeyConfigurer.latchkey(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.build();
		}

	}

}
