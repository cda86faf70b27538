package dev.latchkey.autoconfigure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.latchkey.audit.MicrometerEventListener;
import dev.latchkey.password.HashingPool;
import dev.latchkey.password.PasswordHasher;

/**
 * Latchkey's meters, when the application has Micrometer and a {@link MeterRegistry}: the
 * security event counters of {@link MicrometerEventListener}, the duration of each password hash
 * ({@code latchkey.password.hash.duration}, with a percentile histogram so that p99 can be
 * aggregated across instances) and the hashes waiting for a thread
 * ({@code latchkey.password.hash.queue}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
class LatchkeyMetricsConfiguration {

	static final String HASH_DURATION = "latchkey.password.hash.duration";

	static final String HASH_QUEUE = "latchkey.password.hash.queue";

	@Bean
	@ConditionalOnMissingBean
	MicrometerEventListener latchkeyMicrometerEventListener(MeterRegistry registry) {
		return new MicrometerEventListener(registry);
	}

	@Bean
	HashingPool.HashTimings latchkeyHashTimings(MeterRegistry registry) {
		Timer timer = Timer.builder(HASH_DURATION)
			.description("Time one password hash takes, without its wait in the queue")
			.publishPercentileHistogram()
			.register(registry);
		return timer::record;
	}

	@Bean
	MeterBinder latchkeyHashQueueMetrics(ObjectProvider<PasswordHasher> hashers) {
		return (registry) -> {
			if (hashers.getIfUnique() instanceof HashingPool pool) {
				Gauge.builder(HASH_QUEUE, pool, HashingPool::queueDepth)
					.description("Password hashes waiting for a hashing thread")
					.register(registry);
			}
		};
	}

}
