package dev.latchkey.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * One contract, two implementations: {@link JdbcAttemptRepository} on H2 (with Spring's
 * transactions) and the test fixture {@link InMemoryAttemptRepository} (with its own), including
 * what {@link LoginThrottle} relies on: counters locked for a reservation are read and written by
 * one reservation at a time, and a transaction that throws leaves them as they were.
 */
class AttemptRepositoryContractTests {

	abstract static class Contract {

		static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123Z");

		AttemptRepository attempts;

		TransactionOperations transactions;

		abstract void create();

		@BeforeEach
		void setUp() {
			create();
		}

		Map<String, Attempts> read(String... keys) {
			return this.transactions.execute((status) -> this.attempts.lockForUpdate(List.of(keys)));
		}

		@Test
		void incrementThenCountsWithinTheWindowAndStartsOverAfterIt() {
			assertThat(this.attempts.increment("k", T0, T0.minusSeconds(60))).isEqualTo(1);
			assertThat(this.attempts.increment("k", T0.plusSeconds(30), T0.minusSeconds(30))).isEqualTo(2);
			this.attempts.lockUntil("k", T0.plusSeconds(300));
			assertThat(read("k").get("k")).isEqualTo(new Attempts(2, T0.plusSeconds(30), T0.plusSeconds(300)));

			assertThat(this.attempts.increment("k", T0.plusSeconds(100), T0.plusSeconds(40))).isEqualTo(1);
			assertThat(read("k").get("k")).as("a new window forgets the lock")
				.isEqualTo(new Attempts(1, T0.plusSeconds(100), null));
		}

		@Test
		void lockUntilWhenNoCounterThenNothing() {
			this.attempts.lockUntil("absent", T0);

			assertThat(read("absent")).isEmpty();
		}

		@Test
		void createMissingThenAtZeroAndExistingUntouched() {
			this.attempts.increment("b", T0, T0);

			this.attempts.createMissing(List.of("c", "b", "a"), T0.plusSeconds(5));

			assertThat(read("c", "b", "a", "d")).containsExactly(Map.entry("a", new Attempts(0, T0.plusSeconds(5), null)),
					Map.entry("b", new Attempts(1, T0, null)), Map.entry("c", new Attempts(0, T0.plusSeconds(5), null)));
		}

		@Test
		void saveResetAndDeleteIdleThenAsWritten() {
			this.attempts.createMissing(List.of("old", "new"), T0);
			this.transactions.executeWithoutResult((status) -> {
				this.attempts.lockForUpdate(List.of("old", "new"));
				this.attempts.save("new", new Attempts(3, T0.plusSeconds(60), T0.plusSeconds(90)));
				this.attempts.save("absent", new Attempts(3, T0, null));
			});
			assertThat(read("new", "absent")).containsExactly(Map.entry("new",
					new Attempts(3, T0.plusSeconds(60), T0.plusSeconds(90))));

			assertThat(this.attempts.deleteIdleSince(T0.plusSeconds(1))).isEqualTo(1);
			assertThat(read("old")).isEmpty();
			this.attempts.reset("new");
			assertThat(read("new")).isEmpty();
		}

		@Test
		void transactionWhenItThrowsThenCountersAsBefore() {
			this.attempts.createMissing(List.of("k"), T0);

			try {
				this.transactions.executeWithoutResult((status) -> {
					this.attempts.lockForUpdate(List.of("k"));
					this.attempts.save("k", new Attempts(5, T0.plusSeconds(1), null));
					throw new IllegalStateException("refused");
				});
			}
			catch (IllegalStateException expected) {
				// rolled back
			}

			assertThat(read("k").get("k")).isEqualTo(new Attempts(0, T0, null));
		}

		@Test
		void reserveWhenConcurrentThenOneReservationAtATimeSoExactlyTheThresholdGetsThrough() throws Exception {
			MutableClock clock = new MutableClock(T0);
			LoginThrottle throttle = new LoginThrottle(this.attempts, new ThrottleSettings(3, 50, Duration.ofMinutes(1),
					Duration.ofMinutes(5), Duration.ofMinutes(15), 20, Duration.ofHours(1)), clock, this.transactions);
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				List<Callable<LoginAttempt>> attackers = new ArrayList<>();
				for (int i = 0; i < 12; i++) {
					String ip = "203.0.113." + i;
					attackers.add(() -> throttle.reserve("victim", 42L, ip));
				}
				int reserved = 0;
				int refused = 0;
				int locking = 0;
				for (Future<LoginAttempt> result : pool.invokeAll(attackers)) {
					try {
						locking += result.get().locked() ? 1 : 0;
						reserved++;
					}
					catch (ExecutionException ex) {
						assertThat(ex.getCause()).isInstanceOf(ThrottledException.class);
						refused++;
					}
				}
				assertThat(reserved).isEqualTo(3);
				assertThat(locking).as("the third reservation locks").isEqualTo(1);
				assertThat(refused).isEqualTo(9);
			}
			finally {
				pool.shutdownNow();
			}
		}

	}

	@Nested
	class InMemory extends Contract {

		@Override
		void create() {
			InMemoryAttemptRepository repository = new InMemoryAttemptRepository();
			this.attempts = repository;
			this.transactions = repository.transactions();
		}

		@Test
		void lockForUpdateWhenOutsideItsTransactionsThenRefused() {
			assertThatIllegalStateException().isThrownBy(() -> this.attempts.lockForUpdate(List.of("k")));
		}

	}

	@Nested
	class Jdbc extends Contract {

		@Override
		void create() {
			DataSource dataSource = TestDatabases.migrated();
			this.attempts = new JdbcAttemptRepository(JdbcClient.create(dataSource));
			this.transactions = TestDatabases.transactions(dataSource);
		}

	}

}
