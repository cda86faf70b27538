package dev.latchkey.database;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.latchkey.background.BackgroundSchedule;

/**
 * Checks the database in the background, on its own thread, and remembers the outcome, so that
 * readiness answers at once from memory however the database behaves: a check that hangs (a
 * frozen server) shows as DOWN once no check has succeeded for the interval plus the timeout.
 * Logs once when the database becomes unavailable and once when it is back.
 */
public final class DatabaseMonitor extends BackgroundSchedule implements DatabaseAvailability {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseMonitor.class);

	private final Runnable probe;

	private final Duration interval;

	private final Duration timeout;

	private volatile long lastSuccessNanos = System.nanoTime();

	private volatile State lastOutcome = State.UP;

	/**
	 * @param probe the check, throwing when the database cannot serve us
	 * @param interval time between the end of one check and the start of the next
	 * @param timeout how long a check may take before the database counts as unavailable
	 */
	public DatabaseMonitor(Runnable probe, Duration interval, Duration timeout) {
		super("latchkey-database-check");
		this.probe = probe;
		this.interval = interval;
		this.timeout = timeout;
	}

	/** What the database looks like from here. */
	public enum State {

		/** The last check succeeded, recently. */
		UP,

		/** Down, unreachable, frozen or too slow. */
		UNAVAILABLE,

		/** Answers but refuses writes. */
		READ_ONLY

	}

	/** The current state, from memory: never waits for the database. */
	public State state() {
		long sinceSuccess = System.nanoTime() - this.lastSuccessNanos;
		if (this.lastOutcome == State.UP && sinceSuccess <= this.interval.plus(this.timeout).toNanos()) {
			return State.UP;
		}
		return (this.lastOutcome == State.READ_ONLY) ? State.READ_ONLY : State.UNAVAILABLE;
	}

	/** Whether the last check succeeded recently; unlike {@link #state()}, a read-only database counts. */
	@Override
	public boolean isAvailable() {
		return state() != State.UNAVAILABLE;
	}

	/** Run one check now and record its outcome. */
	public State check() {
		State outcome;
		try {
			this.probe.run();
			outcome = State.UP;
			this.lastSuccessNanos = System.nanoTime();
		}
		catch (RuntimeException ex) {
			outcome = DatabaseFailures.isReadOnly(ex) ? State.READ_ONLY : State.UNAVAILABLE;
			if (this.lastOutcome == State.UP) {
				logger.warn("Database check failed ({}): {}", outcome, ex.getMessage());
			}
		}
		if (outcome == State.UP && this.lastOutcome != State.UP) {
			logger.info("Database check succeeded again");
		}
		this.lastOutcome = outcome;
		return outcome;
	}

	@Override
	protected List<Job> jobs() {
		return List.of(Job.atOnceThenEvery(this::check, this.interval));
	}

}
