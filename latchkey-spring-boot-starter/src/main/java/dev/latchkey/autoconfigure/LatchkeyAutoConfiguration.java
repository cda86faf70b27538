package dev.latchkey.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of Latchkey: sign-up, login and JWT sessions for a Spring Boot application.
 * It only imports the configuration of each concern; every bean backs off when the application
 * defines its own.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		// After the meter registries, so that LatchkeyMetricsConfiguration sees them.
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" },
		beforeName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
				"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration" })
@ConditionalOnClass(name = "com.nimbusds.jose.JWSObject")
@EnableConfigurationProperties({ LatchkeyProperties.class, LatchkeyResilienceProperties.class })
@Import({ StorageConfiguration.class, TokenConfiguration.class, UserConfiguration.class, WebConfiguration.class,
		SecurityConfiguration.class,
		// After SecurityConfiguration: its default chain looks for the application's chains only.
		ApiSecurityConfiguration.class, LatchkeyMetricsConfiguration.class, LatchkeyHealthConfiguration.class,
		LatchkeyOpenApiConfiguration.class, TomcatErrorPageConfiguration.class, MfaConfiguration.class,
		PasskeyConfiguration.class })
public final class LatchkeyAutoConfiguration {

}
