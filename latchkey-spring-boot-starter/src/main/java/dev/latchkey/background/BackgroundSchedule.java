package dev.latchkey.background;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * Jobs on one daemon thread of their own, each run again a fixed delay after the last run ended,
 * from {@link #start()} to {@link #stop()}: the thread is made on start and interrupted on stop
 * ({@code shutdownNow}), and a start after a stop makes a new one. A job that throws is not run
 * again, so a job that may fail catches what it expects.
 */
public abstract class BackgroundSchedule implements SmartLifecycle {

	private final String threadName;

	private ScheduledExecutorService scheduler;

	/**
	 * @param threadName the name of the thread, as thread dumps and logs show it
	 */
	protected BackgroundSchedule(String threadName) {
		this.threadName = threadName;
	}

	/** The jobs to put on the thread, asked on every start, scheduled in this order. */
	protected abstract List<Job> jobs();

	@Override
	public final synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.threadName);
			thread.setDaemon(true);
			return thread;
		});
		for (Job job : jobs()) {
			this.scheduler.scheduleWithFixedDelay(job.task(), job.initialDelay().toMillis(), job.delay().toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public final synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public final synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * A job, to the millisecond.
	 *
	 * @param task what to run
	 * @param initialDelay time from the start to the first run
	 * @param delay time between the end of one run and the start of the next
	 */
	public record Job(Runnable task, Duration initialDelay, Duration delay) {

		/** A job that runs at once on start, then every {@code delay}. */
		public static Job atOnceThenEvery(Runnable task, Duration delay) {
			return new Job(task, Duration.ZERO, delay);
		}

	}

}
