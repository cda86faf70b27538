package dev.latchkey.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A clock that follows the system clock plus an offset the test moves forward, so expiry is
 * tested without sleeping. Latchkey takes it instead of its own through its {@code Clock} bean.
 */
final class MutableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	void advance(Duration duration) {
		this.offset.accumulateAndGet(duration, Duration::plus);
	}

	void reset() {
		this.offset.set(Duration.ZERO);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		MutableClock latchkeyClock() {
			return new MutableClock();
		}

	}

}
