package dev.latchkey.database;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DatabaseMonitor}: the state follows the checks, and a check that hangs counts as
 * unavailable once the interval plus timeout has passed, without waiting for it.
 */
class DatabaseMonitorTests {

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	private final DatabaseMonitor monitor = new DatabaseMonitor(this::probe, Duration.ofMillis(50), Duration.ofMillis(50));

	@Test
	void checkWhenDatabaseFailsThenUnavailableThenUpAgain() {
		assertThat(this.monitor.check()).isEqualTo(DatabaseMonitor.State.UP);
		this.failure.set(new CannotGetJdbcConnectionException("refused"));
		assertThat(this.monitor.check()).isEqualTo(DatabaseMonitor.State.UNAVAILABLE);
		assertThat(this.monitor.state()).isEqualTo(DatabaseMonitor.State.UNAVAILABLE);
		this.failure.set(null);
		this.monitor.check();
		assertThat(this.monitor.state()).isEqualTo(DatabaseMonitor.State.UP);
	}

	@Test
	void checkWhenWritesRefusedThenReadOnly() {
		this.failure.set(new UncategorizedSQLException("probe", "UPDATE",
				new SQLException("The database is read only", "90097", 90097)));
		this.monitor.check();
		assertThat(this.monitor.state()).isEqualTo(DatabaseMonitor.State.READ_ONLY);
	}

	@Test
	void stateWhenNoCheckSucceededForIntervalPlusTimeoutThenUnavailable() throws InterruptedException {
		this.monitor.check();
		assertThat(this.monitor.state()).isEqualTo(DatabaseMonitor.State.UP);
		// No further check completes, as when the database froze mid-check.
		Thread.sleep(300);
		assertThat(this.monitor.state()).isEqualTo(DatabaseMonitor.State.UNAVAILABLE);
	}

	@Test
	void startWhenRunningThenChecksInTheBackground() throws InterruptedException {
		this.failure.set(new CannotGetJdbcConnectionException("refused"));
		this.monitor.start();
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (this.monitor.state() != DatabaseMonitor.State.UNAVAILABLE && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(this.monitor.state()).isEqualTo(DatabaseMonitor.State.UNAVAILABLE);
			this.failure.set(null);
			while (this.monitor.state() != DatabaseMonitor.State.UP && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(this.monitor.state()).isEqualTo(DatabaseMonitor.State.UP);
		}
		finally {
			this.monitor.stop();
		}
		assertThat(this.monitor.isRunning()).isFalse();
	}

	private void probe() {
		RuntimeException ex = this.failure.get();
		if (ex != null) {
			throw ex;
		}
	}

}
