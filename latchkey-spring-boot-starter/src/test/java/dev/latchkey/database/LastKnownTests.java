package dev.latchkey.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LastKnown}: reused within the time-to-live, read again after, and the last value read
 * answered during an outage for no longer than the staleness limit.
 */
class LastKnownTests {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void getWhenWithinTimeToLiveThenNoSecondRead() {
		LastKnown<Long, String> cache = new LastKnown<>(Duration.ofMillis(500), Duration.ofMinutes(5), at(START));
		assertThat(cache.get(1L, this::read)).isEqualTo("value-1");
		assertThat(cache.get(1L, this::read)).isEqualTo("value-1");
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void getWhenDatabaseUnavailableWithinStaleLimitThenLastKnownValue() {
		MutableClock clock = new MutableClock(START);
		LastKnown<Long, String> timed = new LastKnown<>(Duration.ofMillis(500), Duration.ofMinutes(5), clock);
		timed.get(7L, this::read);
		clock.now = START.plus(Duration.ofMinutes(4));
		assertThat(timed.get(7L, LastKnownTests::unavailable)).isEqualTo("value-1");
		clock.now = START.plus(Duration.ofMinutes(5).plusSeconds(1));
		assertThatExceptionOfType(CannotGetJdbcConnectionException.class)
			.isThrownBy(() -> timed.get(7L, LastKnownTests::unavailable));
	}

	@Test
	void getWhenDatabaseKnownUnavailableThenLastKnownValueWithoutTryingToRead() {
		MutableClock clock = new MutableClock(START);
		java.util.concurrent.atomic.AtomicBoolean available = new java.util.concurrent.atomic.AtomicBoolean(true);
		LastKnown<Long, String> cache = new LastKnown<>(Duration.ofMillis(500), Duration.ofMinutes(5), clock,
				available::get);
		cache.get(1L, this::read);
		available.set(false);
		clock.now = START.plusSeconds(60);
		assertThat(cache.get(1L, this::read)).isEqualTo("value-1");
		assertThat(this.reads).as("no read attempted").hasValue(1);
		assertThatExceptionOfType(CannotGetJdbcConnectionException.class)
			.as("a key never read is still tried")
			.isThrownBy(() -> cache.get(2L, LastKnownTests::unavailable));
		available.set(true);
		assertThat(cache.get(1L, this::read)).isEqualTo("value-2");
	}

	@Test
	void getWhenNeverReadOrOtherFailureOrStaleLimitZeroThenFailurePropagates() {
		MutableClock clock = new MutableClock(START);
		LastKnown<Long, String> cache = new LastKnown<>(Duration.ZERO, Duration.ofMinutes(5), clock);
		assertThatExceptionOfType(CannotGetJdbcConnectionException.class)
			.isThrownBy(() -> cache.get(1L, LastKnownTests::unavailable));
		cache.get(1L, this::read);
		Supplier<String> bug = () -> {
			throw new DuplicateKeyException("not an outage");
		};
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> cache.get(1L, bug));

		LastKnown<Long, String> strict = new LastKnown<>(Duration.ZERO, Duration.ZERO, clock);
		strict.get(1L, this::read);
		assertThatExceptionOfType(CannotGetJdbcConnectionException.class)
			.isThrownBy(() -> strict.get(1L, LastKnownTests::unavailable));
	}

	@Test
	void getWhenRememberedThenReadAgainButServedDuringAnOutage() {
		LastKnown<Long, String> cache = new LastKnown<>(Duration.ofMinutes(1), Duration.ofMinutes(5), at(START));
		cache.remember(1L, "from-login");
		assertThat(cache.get(1L, this::read)).as("a change made elsewhere is seen at once").isEqualTo("value-1");
		cache.remember(2L, "from-login");
		assertThat(cache.get(2L, LastKnownTests::unavailable)).isEqualTo("from-login");
	}

	@Test
	void getWhenEvictedThenReadAgain() {
		LastKnown<Long, String> cache = new LastKnown<>(Duration.ofMinutes(1), Duration.ofMinutes(5), at(START));
		cache.get(1L, this::read);
		cache.evict(1L);
		assertThat(cache.get(1L, this::read)).isEqualTo("value-2");
	}

	private String read() {
		return "value-" + this.reads.incrementAndGet();
	}

	private static String unavailable() {
		throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	private static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
