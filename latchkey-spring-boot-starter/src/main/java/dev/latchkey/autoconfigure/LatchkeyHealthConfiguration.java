package dev.latchkey.autoconfigure;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.latchkey.database.DatabaseMonitor;
import dev.latchkey.token.TokenCodec;

/**
 * The {@code latchkey} (signing key) and {@code latchkeyDatabase} health contributors, when
 * Spring Boot's health support is present; {@code management.health.latchkey.enabled=false}
 * switches both off. Add {@code latchkeyDatabase} to the readiness group to take an instance out
 * of rotation while its database is unavailable or read only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("latchkey")
class LatchkeyHealthConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "latchkeyHealthIndicator")
	HealthIndicator latchkeyHealthIndicator(TokenCodec codec, Clock clock) {
		return new SigningKeyHealthIndicator(codec, clock);
	}

	@Bean
	@ConditionalOnMissingBean(name = "latchkeyDatabaseHealthIndicator")
	HealthIndicator latchkeyDatabaseHealthIndicator(DatabaseMonitor monitor) {
		return new DatabaseHealthIndicator(monitor);
	}

}
