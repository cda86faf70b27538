package dev.latchkey.password;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Who may wait for a hashing thread: admission by predicted time, not by count.
 *
 * <p>Each admitted hash adds its expected cost to a backlog, and leaves it when it ends. A new hash
 * is predicted to start after {@code backlog ÷ threads}, or at once while a thread is free; it is
 * admitted when that prediction is within the budget, and refused at once otherwise, with the
 * prediction as the time to come back. Expected costs are measured, per kind of hash (the stored
 * hash's algorithm and cost parameters, or the current parameters for new hashes), as a moving
 * average of the CPU time hashes of that kind took; so a slow legacy hash neither blocks itself
 * out nor makes the cheap ones look expensive.
 *
 * <p>CPU time, not elapsed time: under a burst, the requests refused at once compete with the
 * hashing threads for the cores, and an estimate from elapsed time would grow with them, refuse
 * more, and feed on itself until almost nothing is admitted. The CPU time of a hash does not
 * depend on the load, so the prediction is what the queue holds, and a machine busy with other
 * work makes admitted hashes wait longer than predicted, never refuses them for it.
 *
 * <p>Thread-safe; every method is short and holds one lock.
 */
final class HashAdmission {

	/** Kinds remembered: each is a distinct algorithm + cost parameters seen in stored hashes. */
	private static final int MAX_KINDS = 64;

	/** A field of a stored hash that states a cost: {@code 260000}, {@code 12}, {@code v=19}, {@code m=19456,t=2,p=1}. */
	private static final Pattern COST_FIELD = Pattern.compile("[0-9]{1,10}|[a-z]{1,3}=[0-9]{1,10}(,[a-z]{1,3}=[0-9]{1,10}){0,7}");

	/** Weight of the newest measurement in a kind's moving average. */
	private static final double SMOOTHING = 0.25;

	private final int threads;

	private final long budgetNanos;

	private final LongSupplier nanoClock;

	private final LongSupplier cpuClock;

	private final Map<String, Long> expectedNanos = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > MAX_KINDS;
		}
	};

	private long defaultNanos;

	private long backlogNanos;

	private int admitted;

	/**
	 * @param threads hashing threads
	 * @param budget longest predicted wait for a hash to start that is still admitted
	 * @param initialEstimate expected cost of a kind of hash never measured yet
	 * @param nanoClock {@link System#nanoTime()}, or a fake one in tests
	 * @param cpuClock the CPU time of the calling thread in nanoseconds, or a fake one in tests
	 */
	HashAdmission(int threads, Duration budget, Duration initialEstimate, LongSupplier nanoClock,
			LongSupplier cpuClock) {
		if (threads < 1) {
			throw new IllegalArgumentException("At least one hashing thread is needed");
		}
		this.threads = threads;
		this.budgetNanos = budget.toNanos();
		this.defaultNanos = Math.max(1, initialEstimate.toNanos());
		this.nanoClock = nanoClock;
		this.cpuClock = cpuClock;
	}

	/**
	 * Admits a hash of the given kind, or refuses it.
	 * @param kind what is hashed, see {@link #kindOf(String)}
	 * @return the admitted hash's ticket
	 * @throws HashingBusyException when the hash could not start within the budget
	 */
	synchronized Ticket admit(String kind) {
		long predicted = predictedWaitNanos();
		if (predicted > this.budgetNanos) {
			throw new HashingBusyException(Duration.ofNanos(predicted));
		}
		long expected = this.expectedNanos.getOrDefault(kind, this.defaultNanos);
		this.backlogNanos += expected;
		this.admitted++;
		return new Ticket(kind, expected, this.nanoClock.getAsLong());
	}

	/** The wait a hash admitted now would be predicted to have before it starts. */
	synchronized Duration predictedWait() {
		return Duration.ofNanos(predictedWaitNanos());
	}

	/**
	 * The longest expected cost among the kinds of password checks seen (warm-up rounds aside), or
	 * the cost of a new hash if that is longer: what a failed login would take with the slowest
	 * stored hash there is.
	 */
	synchronized Duration slowestExpected() {
		long slowest = this.defaultNanos;
		for (Map.Entry<String, Long> entry : this.expectedNanos.entrySet()) {
			if (!entry.getKey().equals(WARM_UP)) {
				slowest = Math.max(slowest, entry.getValue());
			}
		}
		return Duration.ofNanos(slowest);
	}

	/** Hashes admitted and not yet finished, running or waiting. */
	synchronized int admitted() {
		return this.admitted;
	}

	private long predictedWaitNanos() {
		return (this.admitted < this.threads) ? 0 : this.backlogNanos / this.threads;
	}

	/** @param hashNanos the CPU time the hash took, or a negative number if it never ran */
	private synchronized void finished(Ticket ticket, long hashNanos) {
		this.backlogNanos -= ticket.expectedNanos;
		this.admitted--;
		if (hashNanos < 0) {
			return;
		}
		long previous = this.expectedNanos.getOrDefault(ticket.kind, hashNanos);
		long average = Math.max(1, Math.round(previous + SMOOTHING * (hashNanos - previous)));
		this.expectedNanos.put(ticket.kind, average);
		if (ticket.kind.equals(CURRENT)) {
			// Unknown kinds are predicted to cost what a new hash costs: the best guess there is.
			this.defaultNanos = average;
		}
	}

	/** The kind of a new hash (or a dummy one) at the current parameters. */
	static final String CURRENT = "";

	/** The kind of a warm-up round, which runs several hashers. */
	static final String WARM_UP = "warm-up";

	/**
	 * The kind of a check against a stored hash: its algorithm and cost parameters, without salt
	 * and hash, e.g. {@code pbkdf2_sha256$260000}, {@code bcrypt_sha256$12} or
	 * {@code argon2$v=19$m=19456,t=2,p=1}: the first field, then every field that is a number or
	 * a list of {@code name=number}.
	 */
	static String kindOf(String encoded) {
		if (encoded == null || encoded.isEmpty()) {
			return CURRENT;
		}
		String[] fields = encoded.split("\\$", 8);
		StringBuilder kind = new StringBuilder(fields[0]);
		for (int i = 1; i < fields.length && i < 7; i++) {
			String field = fields[i];
			if (COST_FIELD.matcher(field).matches()) {
				kind.append('$').append(field);
			}
		}
		// Bounded: a stored value is no key for unbounded memory.
		return kind.substring(0, Math.min(kind.length(), 80));
	}

	/** One admitted hash, from admission to its end. */
	final class Ticket {

		private final String kind;

		private final long expectedNanos;

		private final long admittedAt;

		private long startedAt;

		private long startedCpu;

		private boolean started;

		private Ticket(String kind, long expectedNanos, long admittedAt) {
			this.kind = kind;
			this.expectedNanos = expectedNanos;
			this.admittedAt = admittedAt;
		}

		/**
		 * Called on the hashing thread when it starts the hash.
		 * @return how long the hash waited to start
		 */
		Duration started() {
			this.startedAt = HashAdmission.this.nanoClock.getAsLong();
			this.startedCpu = HashAdmission.this.cpuClock.getAsLong();
			this.started = true;
			return Duration.ofNanos(this.startedAt - this.admittedAt);
		}

		/**
		 * Called on the hashing thread when the hash ends, however it ended, or on any thread
		 * when it will never start.
		 * @return how long the hash itself took, elapsed (zero if it never started)
		 */
		Duration finished() {
			if (!this.started) {
				HashAdmission.this.finished(this, -1);
				return Duration.ZERO;
			}
			long elapsed = HashAdmission.this.nanoClock.getAsLong() - this.startedAt;
			HashAdmission.this.finished(this, HashAdmission.this.cpuClock.getAsLong() - this.startedCpu);
			return Duration.ofNanos(elapsed);
		}

	}

}
