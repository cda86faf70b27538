package dev.latchkey.throttle;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.TestDatabases;
import dev.latchkey.testing.InMemoryAttemptRepository;
import dev.latchkey.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LoginThrottle}'s rules, run on the in-memory attempt repository and on the JDBC one
 * alike, with time moved by hand: lockouts double up to the maximum, old failures are forgotten,
 * an address that fails on many names is locked for all of them, sign-ups are limited per address
 * and window, and idle counters are deleted.
 */
class LoginThrottleRulesTests {

	abstract static class Rules {

		/** Three checks per account, two failures per address, 10 s doubling to at most 60 s. */
		static final ThrottleSettings SETTINGS = new ThrottleSettings(3, 2, Duration.ofSeconds(10),
				Duration.ofSeconds(60), Duration.ofMinutes(15), 2, Duration.ofHours(1));

		final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

		LoginThrottle throttle;

		abstract AttemptRepository attempts();

		abstract TransactionOperations transactions();

		@BeforeEach
		void setUp() {
			this.throttle = new LoginThrottle(attempts(), SETTINGS, this.clock, transactions());
		}

		private LoginAttempt reserve(String name) {
			return this.throttle.reserve(name, null, "203.0.113." + name.length());
		}

		private long refusedFor(String name) {
			try {
				reserve(name);
			}
			catch (ThrottledException ex) {
				return ex.waitSeconds();
			}
			throw new AssertionError("reserved");
		}

		@Test
		void reserveWhenPastTheThresholdThenEachLockTwiceAsLongUpToTheMaximum() {
			reserve("alice");
			reserve("alice");
			assertThat(reserve("alice").lockedUntil()).isEqualTo(this.clock.instant().plusSeconds(10));
			assertThat(refusedFor("alice")).isEqualTo(10);

			long[] expected = { 20, 40, 60, 60 };
			for (long seconds : expected) {
				this.clock.advance(Duration.ofSeconds(61));
				assertThat(reserve("alice").lockedUntil()).isEqualTo(this.clock.instant().plusSeconds(seconds));
				assertThat(refusedFor("alice")).isEqualTo(seconds);
			}
			assertThat(reserve("bob").locked()).as("other accounts").isFalse();
		}

		@Test
		void reserveWhenTheLastAttemptIsOlderThanTheWindowThenTheCountStartsOver() {
			reserve("alice");
			reserve("alice");
			this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

			assertThat(reserve("alice").locked()).isFalse();
			assertThat(reserve("alice").locked()).isFalse();
			assertThat(reserve("alice").locked()).isTrue();
		}

		@Test
		void recordFailureWhenAnAddressFailsOnManyNamesThenTheAddressIsLockedForEveryName() {
			assertThat(this.throttle.recordFailure(this.throttle.reserve("a", null, "192.0.2.1"))).isFalse();
			assertThat(this.throttle.recordFailure(this.throttle.reserve("b", null, "192.0.2.1"))).isTrue();

			assertThatExceptionOfType(ThrottledException.class)
				.isThrownBy(() -> this.throttle.reserve("c", null, "192.0.2.1"));
			this.throttle.recordSuccess(this.throttle.reserve("c", null, "192.0.2.2"));
			assertThatExceptionOfType(ThrottledException.class).as("a success elsewhere does not clear the address")
				.isThrownBy(() -> this.throttle.reserve("d", null, "192.0.2.1"));
			this.clock.advance(Duration.ofSeconds(11));
			assertThat(this.throttle.reserve("d", null, "192.0.2.1").locked()).isFalse();
		}

		@Test
		void checkSignUpWhenPastTheLimitThenRefusedForTheWindowPerAddress() {
			this.throttle.checkSignUp("192.0.2.1");
			this.throttle.checkSignUp("192.0.2.1");

			assertThatExceptionOfType(ThrottledException.class).isThrownBy(() -> this.throttle.checkSignUp("192.0.2.1"))
				.satisfies((ex) -> assertThat(ex.waitSeconds()).isEqualTo(3600));
			this.throttle.checkSignUp("192.0.2.2");
			this.clock.advance(Duration.ofHours(1).plusSeconds(1));
			this.throttle.checkSignUp("192.0.2.1");
		}

		@Test
		void deleteIdleThenOnlyCountersIdleLongerThanEveryWindowAndLockout() {
			reserve("alice");
			this.throttle.checkSignUp("192.0.2.1");
			this.clock.advance(Duration.ofMinutes(30));
			reserve("bob");

			assertThat(this.throttle.deleteIdle()).isZero();
			this.clock.advance(Duration.ofMinutes(32));
			assertThat(this.throttle.deleteIdle()).as("alice's account and address, the sign-up counter").isEqualTo(3);
			assertThat(this.throttle.deleteIdle()).isZero();
		}

	}

	@Nested
	class InMemory extends Rules {

		private final InMemoryAttemptRepository attempts = new InMemoryAttemptRepository();

		@Override
		AttemptRepository attempts() {
			return this.attempts;
		}

		@Override
		TransactionOperations transactions() {
			return this.attempts.transactions();
		}

	}

	@Nested
	class Jdbc extends Rules {

		private final DataSource dataSource = TestDatabases.migrated();

		@Override
		AttemptRepository attempts() {
			return new JdbcAttemptRepository(JdbcClient.create(this.dataSource));
		}

		@Override
		TransactionOperations transactions() {
			return TestDatabases.transactions(this.dataSource);
		}

	}

}
