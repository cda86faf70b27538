package dev.latchkey.password;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PasswordHasher} that runs every hash on a small bounded pool: as many threads as
 * cores, a short queue, and a maximum wait. Password hashing is the most expensive thing
 * Latchkey does, so a login flood queues here, not on the request threads: when the queue is
 * full, or a hash cannot start in time, the caller is refused at once with
 * {@link HashingBusyException} (a 503 with {@code Retry-After}), and requests that do not hash
 * keep their latency.
 */
public final class HashingPool implements PasswordHasher, AutoCloseable {

	private final PasswordHasher delegate;

	private final ThreadPoolExecutor executor;

	private final Duration maximumWait;

	private final HashTimings timings;

	/**
	 * @param delegate the hasher doing the work
	 * @param threads hashing threads, normally the number of cores
	 * @param queueCapacity hashes that may wait for a thread
	 * @param maximumWait how long a caller waits for its hash before giving up
	 */
	public HashingPool(PasswordHasher delegate, int threads, int queueCapacity, Duration maximumWait) {
		this(delegate, threads, queueCapacity, maximumWait, (elapsed) -> {
		});
	}

	/**
	 * @param delegate the hasher doing the work
	 * @param threads hashing threads, normally the number of cores
	 * @param queueCapacity hashes that may wait for a thread
	 * @param maximumWait how long a caller waits for its hash before giving up
	 * @param timings told how long each hash took, for metrics
	 */
	public HashingPool(PasswordHasher delegate, int threads, int queueCapacity, Duration maximumWait,
			HashTimings timings) {
		this.delegate = delegate;
		this.maximumWait = maximumWait;
		this.timings = timings;
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(queueCapacity), (task) -> {
					Thread thread = new Thread(task, "latchkey-hashing-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

	@Override
	public String encode(CharSequence raw) {
		return run(() -> this.delegate.encode(raw));
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		return run(() -> this.delegate.matches(raw, encoded));
	}

	@Override
	public boolean upgradeEncoding(String encoded) {
		// Parsing a stored hash costs nothing: no need to queue.
		return this.delegate.upgradeEncoding(encoded);
	}

	@Override
	public void hashDummy(CharSequence raw) {
		run(() -> {
			this.delegate.hashDummy(raw);
			return null;
		});
	}

	/** Hashes waiting for a thread, for metrics. */
	public int queueDepth() {
		return this.executor.getQueue().size();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private <T> T run(Callable<T> hash) {
		Future<T> future;
		try {
			future = this.executor.submit(() -> timed(hash));
		}
		catch (RejectedExecutionException ex) {
			throw new HashingBusyException();
		}
		try {
			return future.get(this.maximumWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new HashingBusyException();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new HashingBusyException();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Times the hash alone, on its own thread: the wait in the queue is not part of it. */
	private <T> T timed(Callable<T> hash) throws Exception {
		long start = System.nanoTime();
		try {
			return hash.call();
		}
		finally {
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			try {
				this.timings.hashed(elapsed);
			}
			catch (RuntimeException ex) {
				// Metrics must never cost a user their login.
			}
		}
	}

	/**
	 * Hears how long each hash took (a Micrometer timer, say). Called on the hashing thread, so
	 * it must be quick.
	 */
	@FunctionalInterface
	public interface HashTimings {

		/**
		 * @param elapsed the time the hash (or the dummy hash) itself took
		 */
		void hashed(Duration elapsed);

	}

}
