package dev.latchkey.account;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One background thread with a bounded queue for the account work that must not show in a
 * request's timing (looking up an address and issuing a reset token). When the queue is full
 * the caller does the work itself: slower, but nothing is dropped. Deliberately not an
 * {@code Executor}, so that it never stands in for the application's task executor.
 */
public final class AccountBackgroundQueue implements AutoCloseable {

	private final ThreadPoolExecutor executor;

	public AccountBackgroundQueue(int capacity) {
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
				(task) -> {
					Thread thread = new Thread(task, "latchkey-account");
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
	}

	public void execute(Runnable task) {
		this.executor.execute(task);
	}

	/** Finish what is queued (for at most 10 s), then stop. */
	@Override
	public void close() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

}
