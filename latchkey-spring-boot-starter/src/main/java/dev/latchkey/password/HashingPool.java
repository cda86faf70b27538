package dev.latchkey.password;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PasswordHasher} that runs every hash on a small pool of {@link HashingThread}s, with
 * admission by time ({@link HashAdmission}): a hash waits in line unless its predicted start (the
 * CPU time of the hashes ahead of it divided by the threads) is
 * beyond the budget, in which case it is refused at once with {@link HashingBusyException} (a 503
 * with {@code Retry-After}). Once admitted, a hash always runs to its end and its caller gets the
 * answer, however long it takes: the budget bounds the predicted wait to start, not the hash.
 *
 * <p>Password hashing is the most expensive thing Latchkey does, so a login flood queues here,
 * not on the request threads; and the hashing threads may run at a lower OS priority, so the
 * requests that do not hash keep their latency while every core hashes when there is nothing
 * else to do.
 */
public final class HashingPool implements PasswordHasher, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(HashingPool.class);

	/** What a hash is assumed to cost before the first one is measured. */
	private static final Duration INITIAL_ESTIMATE = Duration.ofMillis(100);

	/**
	 * Longest floor for failed logins: a stored hash slower than this (millions of PBKDF2
	 * iterations) still shows in the timing of its failures, rather than slow every failure.
	 */
	static final Duration MAX_FAILURE_FLOOR = Duration.ofSeconds(2);

	/** Refusals are logged at most this often. */
	private static final long REFUSAL_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final PasswordHasher delegate;

	private final ThreadPoolExecutor executor;

	private final HashAdmission admission;

	private final int threads;

	private final Duration budget;

	private final Listener listener;

	private final AtomicLong refusedSinceLog = new AtomicLong();

	private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - REFUSAL_LOG_INTERVAL_NANOS);

	/**
	 * @param delegate the hasher doing the work
	 * @param settings threads, budget and priority
	 * @param listener told of each hash, wait and refusal, for metrics
	 */
	public HashingPool(PasswordHasher delegate, Settings settings, Listener listener) {
		this.delegate = delegate;
		this.threads = settings.threads();
		this.budget = settings.budget();
		this.listener = listener;
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		LongSupplier cpuClock = cpu.isCurrentThreadCpuTimeSupported() ? cpu::getCurrentThreadCpuTime : System::nanoTime;
		this.admission = new HashAdmission(settings.threads(), settings.budget(), INITIAL_ESTIMATE, System::nanoTime,
				cpuClock);
		AtomicInteger count = new AtomicInteger();
		// Unbounded queue: admission by predicted time is what bounds it.
		this.executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(), (task) -> new HashingThread(task,
						"latchkey-hashing-" + count.incrementAndGet(), settings.niceness(), settings.argon2()),
				new ThreadPoolExecutor.AbortPolicy());
	}

	@Override
	public String encode(CharSequence raw) {
		return run(HashAdmission.CURRENT, () -> this.delegate.encode(raw));
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		return run(HashAdmission.kindOf(encoded), () -> this.delegate.matches(raw, encoded));
	}

	@Override
	public Verification verify(CharSequence raw, String encoded) {
		return run(HashAdmission.kindOf(encoded), () -> this.delegate.verify(raw, encoded));
	}

	/**
	 * Refuses at once when the queue already holds more than the budget: a burst past capacity
	 * is then answered without even a database query, so the refusals take little CPU from the
	 * hashes being served.
	 */
	@Override
	public void checkAdmission() {
		Duration predicted = this.admission.predictedWait();
		if (predicted.compareTo(this.budget) > 0) {
			HashingBusyException ex = new HashingBusyException(predicted);
			refused(ex);
			throw ex;
		}
	}

	/**
	 * The slowest password check measured so far (or a new hash, if slower), at most
	 * {@link #MAX_FAILURE_FLOOR}.
	 */
	@Override
	public Duration failureFloor() {
		Duration slowest = this.admission.slowestExpected();
		return (slowest.compareTo(MAX_FAILURE_FLOOR) > 0) ? MAX_FAILURE_FLOOR : slowest;
	}

	@Override
	public boolean upgradeEncoding(String encoded) {
		// Parsing a stored hash costs nothing: no need to queue.
		return this.delegate.upgradeEncoding(encoded);
	}

	@Override
	public void hashDummy(CharSequence raw) {
		run(HashAdmission.CURRENT, () -> {
			this.delegate.hashDummy(raw);
			return null;
		});
	}

	/**
	 * Warms the hashing threads in the background: the delegate's {@link PasswordHasher#warmUp()}
	 * runs a few times per thread, so the JIT has compiled every hasher and each thread holds its
	 * Argon2 blocks before the first login. The rounds are admitted like hashes, so a login
	 * arriving meanwhile is predicted to wait for them. Returns at once.
	 * @param rounds warm-up rounds per thread
	 * @return completes when every round has run
	 */
	public CompletableFuture<Void> warmUp(int rounds) {
		CompletableFuture<?>[] all = new CompletableFuture<?>[this.threads * rounds];
		for (int i = 0; i < all.length; i++) {
			HashAdmission.Ticket ticket = this.admission.admit(HashAdmission.WARM_UP);
			all[i] = CompletableFuture.runAsync(() -> {
				ticket.started();
				try {
					this.delegate.warmUp();
				}
				finally {
					ticket.finished();
				}
			}, this.executor);
		}
		return CompletableFuture.allOf(all);
	}

	/** Hashes admitted and not yet finished (running or waiting), for metrics. */
	public int queueDepth() {
		return this.admission.admitted();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private <T> T run(String kind, Callable<T> hash) {
		HashAdmission.Ticket ticket;
		try {
			ticket = this.admission.admit(kind);
		}
		catch (HashingBusyException ex) {
			refused(ex);
			throw ex;
		}
		Future<T> future;
		try {
			future = this.executor.submit(() -> timed(ticket, hash));
		}
		catch (RejectedExecutionException ex) {
			// Only after close(): the application is stopping.
			ticket.finished();
			throw new HashingBusyException(Duration.ZERO);
		}
		return await(future);
	}

	/** Waits for an admitted hash to its end: it is never abandoned half-way. */
	private static <T> T await(Future<T> future) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return future.get();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Runs on the hashing thread: the wait and the hash are timed apart. */
	private <T> T timed(HashAdmission.Ticket ticket, Callable<T> hash) throws Exception {
		Duration waited = ticket.started();
		try {
			return hash.call();
		}
		finally {
			Duration elapsed = ticket.finished();
			try {
				this.listener.waited(waited);
				this.listener.hashed(elapsed);
			}
			catch (RuntimeException ex) {
				// Metrics must never cost a user their login.
			}
		}
	}

	private void refused(HashingBusyException ex) {
		try {
			this.listener.refused(ex.predictedWait());
		}
		catch (RuntimeException metricsFailure) {
			// As above.
		}
		this.refusedSinceLog.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastRefusalLog.get();
		if (now - last >= REFUSAL_LOG_INTERVAL_NANOS && this.lastRefusalLog.compareAndSet(last, now)) {
			long count = this.refusedSinceLog.getAndSet(0);
			logger.warn("Password hashing overloaded: refused {} request(s) with 503 in the last {} ms; "
					+ "predicted wait {} ms is over the budget", count, TimeUnit.NANOSECONDS.toMillis(now - last),
					ex.predictedWait().toMillis());
		}
	}

	/**
	 * How the pool runs.
	 *
	 * @param threads hashing threads
	 * @param budget longest predicted wait for a hash to start that is still admitted
	 * @param niceness Linux niceness of the hashing threads (1-19), 0 to leave it as it is
	 * @param argon2 Argon2 parameters of new hashes, which size each thread's kept memory
	 */
	public record Settings(int threads, Duration budget, int niceness, Argon2Parameters argon2) {

		public Settings {
			if (threads < 1) {
				throw new IllegalArgumentException("At least one hashing thread is needed");
			}
			if (budget == null || budget.isNegative()) {
				throw new IllegalArgumentException("The hashing budget must not be negative");
			}
			if (niceness < 0 || niceness > 19) {
				throw new IllegalArgumentException("Niceness must be between 0 and 19");
			}
		}

	}

	/**
	 * Hears what the pool does (Micrometer meters, say). {@link #hashed} and {@link #waited} are
	 * called on the hashing thread, {@link #refused} on the caller's, so each must be quick.
	 */
	public interface Listener {

		/** @param elapsed the time a hash (or a dummy hash) itself took */
		default void hashed(Duration elapsed) {
		}

		/** @param waited the time an admitted hash waited for a thread */
		default void waited(Duration waited) {
		}

		/** @param predictedWait the predicted wait of a hash refused at once */
		default void refused(Duration predictedWait) {
		}

	}

}
