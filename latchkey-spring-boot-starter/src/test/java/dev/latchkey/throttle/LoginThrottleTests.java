package dev.latchkey.throttle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.latchkey.testing.MutableClock;

/**
 * The throttle on its real repository and a real (in-memory H2) {@code latchkey_attempt} table,
 * with time moved by a test clock.
 */
class LoginThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00.123456789Z"));

	private final LoginThrottle throttle;

	LoginThrottleTests() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql(migration("V3__attempts.sql")).update();
		this.throttle = new LoginThrottle(new JdbcAttemptRepository(jdbc), new ThrottleSettings(3, 50,
				Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(15), 20, Duration.ofHours(1)), this.clock,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
	}

	@Test
	void reserveWhenThresholdReachedThenTheReservationLocksAndTheNextIsRefusedUntilTheLockEnds() {
		this.throttle.recordFailure(this.throttle.reserve("alice", 1L, "203.0.113.1"));
		this.throttle.recordFailure(this.throttle.reserve("alice", 1L, "203.0.113.2"));
		LoginAttempt third = this.throttle.reserve("alice", 1L, "203.0.113.3");

		assertThat(third.locked()).isTrue();
		assertThatExceptionOfType(ThrottledException.class)
			.isThrownBy(() -> this.throttle.reserve("alice", 1L, "198.51.100.1"))
			.satisfies((ex) -> assertThat(ex.waitSeconds()).isEqualTo(10));
		this.clock.advance(Duration.ofSeconds(11));
		assertThat(this.throttle.reserve("alice", 1L, "198.51.100.1").lockedUntil())
			.isEqualTo(this.clock.instant().truncatedTo(ChronoUnit.MILLIS).plusSeconds(20));
	}

	@Test
	void reserveWhenAnotherSpellingReachesTheSameUserIdThenSameLock() {
		for (int i = 0; i < 3; i++) {
			this.throttle.recordFailure(this.throttle.reserve("alice-" + i + "@example.com", 7L, "203.0.113.1"));
		}

		assertThatExceptionOfType(ThrottledException.class)
			.isThrownBy(() -> this.throttle.reserve("alice", 7L, "198.51.100.1"));
		assertThat(this.throttle.reserve("alice", 8L, "198.51.100.1").locked()).isFalse();
	}

	@Test
	void releaseWhenTheCheckNeverRanThenTheAttemptAndItsLockAreGivenBack() {
		this.throttle.recordFailure(this.throttle.reserve("bob", 2L, "203.0.113.1"));
		this.throttle.recordFailure(this.throttle.reserve("bob", 2L, "203.0.113.1"));
		LoginAttempt busy = this.throttle.reserve("bob", 2L, "203.0.113.1");
		assertThat(busy.locked()).isTrue();

		this.throttle.release(busy);

		assertThat(this.throttle.reserve("bob", 2L, "203.0.113.1").locked()).as("the third attempt again").isTrue();
	}

	@Test
	void recordSuccessThenTheAccountStartsOver() {
		this.throttle.recordFailure(this.throttle.reserve("carol", 3L, "203.0.113.1"));
		this.throttle.recordFailure(this.throttle.reserve("carol", 3L, "203.0.113.1"));
		this.throttle.recordSuccess(this.throttle.reserve("carol", 3L, "203.0.113.1"));

		assertThat(this.throttle.reserve("carol", 3L, "203.0.113.1").locked()).isFalse();
		assertThat(this.throttle.reserve("carol", 3L, "203.0.113.1").locked()).isFalse();
	}

	private static String migration(String name) {
		try (InputStream in = LoginThrottleTests.class.getResourceAsStream("/db/latchkey/migration/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
