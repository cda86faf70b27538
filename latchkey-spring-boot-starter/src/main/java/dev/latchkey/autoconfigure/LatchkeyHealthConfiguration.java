package dev.latchkey.autoconfigure;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.latchkey.token.TokenCodec;

/**
 * The {@code latchkey} health contributor, when Spring Boot's health support is present;
 * {@code management.health.latchkey.enabled=false} switches it off.
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

}
