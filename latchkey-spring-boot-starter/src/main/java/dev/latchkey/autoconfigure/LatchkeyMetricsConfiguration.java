package dev.latchkey.autoconfigure;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
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
 * security event counters of {@link MicrometerEventListener}, and the hashing pool's: the duration
 * of each password hash ({@code latchkey.hashing.duration}) and of its wait for a thread
 * ({@code latchkey.hashing.wait}), both with percentile histograms so that p99 can be aggregated
 * across instances, the hashes admitted and not finished ({@code latchkey.hashing.queue}) and the
 * hashes refused with 503 ({@code latchkey.hashing.rejected}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
class LatchkeyMetricsConfiguration {

	static final String HASH_DURATION = "latchkey.hashing.duration";

	static final String HASH_WAIT = "latchkey.hashing.wait";

	static final String HASH_QUEUE = "latchkey.hashing.queue";

	static final String HASH_REFUSED = "latchkey.hashing.rejected";

	@Bean
	@ConditionalOnMissingBean
	MicrometerEventListener latchkeyMicrometerEventListener(MeterRegistry registry) {
		return new MicrometerEventListener(registry);
	}

	@Bean
	HashingPool.Listener latchkeyHashingMetrics(MeterRegistry registry) {
		Timer hash = Timer.builder(HASH_DURATION)
			.description("Time one password hash takes, without its wait in the queue")
			.publishPercentileHistogram()
			.register(registry);
		Timer wait = Timer.builder(HASH_WAIT)
			.description("Time an admitted password hash waits for a hashing thread")
			.publishPercentileHistogram()
			.register(registry);
		Counter refused = Counter.builder(HASH_REFUSED)
			.description("Password hashes refused at once (503) because their predicted wait was over the budget")
			.register(registry);
		return new HashingPool.Listener() {

			@Override
			public void hashed(Duration elapsed) {
				hash.record(elapsed);
			}

			@Override
			public void waited(Duration waited) {
				wait.record(waited);
			}

			@Override
			public void refused(Duration predictedWait) {
				refused.increment();
			}

		};
	}

	@Bean
	MeterBinder latchkeyHashQueueMetrics(ObjectProvider<PasswordHasher> hashers) {
		return (registry) -> {
			if (hashers.getIfUnique() instanceof HashingPool pool) {
				Gauge.builder(HASH_QUEUE, pool, HashingPool::queueDepth)
					.description("Password hashes admitted and not finished (running or waiting)")
					.register(registry);
			}
		};
	}

}
