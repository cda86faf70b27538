package dev.latchkey.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.throttle.AttemptRepository;
import dev.latchkey.throttle.Attempts;

/**
 * An {@link AttemptRepository} in a map, with the contract of {@code JdbcAttemptRepository},
 * reservations included: {@link #lockForUpdate} holds the counters until the surrounding
 * transaction ends, so a reservation reads and writes them alone, and a transaction that throws
 * leaves them as they were.
 *
 * <p>Those transactions are the ones of {@link #transactions()}: give it to {@code LoginThrottle}
 * in place of the JDBC transaction template. One lock guards the whole map (coarser than the
 * database's row locks: it serialises more, never less), and {@link #lockForUpdate} outside one
 * of its transactions fails, since it would lock nothing.
 */
public final class InMemoryAttemptRepository implements AttemptRepository {

	private final ReentrantLock lock = new ReentrantLock();

	/** Guarded by {@link #lock}. */
	private final Map<String, Attempts> rows = new HashMap<>();

	/** Whether the current thread is inside one of {@link #transactions()}'s transactions. */
	private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

	/**
	 * Transactions over this repository: one at a time, rolled back when the callback throws or
	 * marks its status rollback-only.
	 */
	public TransactionOperations transactions() {
		return new TransactionOperations() {

			@Override
			public <T> T execute(TransactionCallback<T> action) {
				return inTransaction(action);
			}

		};
	}

	private <T> T inTransaction(TransactionCallback<T> action) {
		this.lock.lock();
		boolean outer = !this.inTransaction.get();
		Map<String, Attempts> before = new HashMap<>(this.rows);
		this.inTransaction.set(true);
		try {
			TransactionStatus status = new SimpleTransactionStatus();
			T result = action.doInTransaction(status);
			if (status.isRollbackOnly()) {
				rollBack(before);
			}
			return result;
		}
		catch (RuntimeException | Error ex) {
			rollBack(before);
			throw ex;
		}
		finally {
			if (outer) {
				this.inTransaction.set(false);
			}
			this.lock.unlock();
		}
	}

	private void rollBack(Map<String, Attempts> before) {
		this.rows.clear();
		this.rows.putAll(before);
	}

	@Override
	public int increment(String key, Instant now, Instant windowStart) {
		this.lock.lock();
		try {
			Attempts row = this.rows.get(key);
			Attempts next;
			if (row == null) {
				next = new Attempts(1, now, null);
			}
			else if (row.lastAt().isBefore(windowStart)) {
				next = new Attempts(1, now, null);
			}
			else {
				next = new Attempts(row.count() + 1, now, row.lockedUntil());
			}
			this.rows.put(key, next);
			return next.count();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void lockUntil(String key, Instant until) {
		this.lock.lock();
		try {
			this.rows.computeIfPresent(key, (k, row) -> new Attempts(row.count(), row.lastAt(), until));
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void createMissing(Collection<String> keys, Instant now) {
		this.lock.lock();
		try {
			keys.forEach((key) -> this.rows.putIfAbsent(key, new Attempts(0, now, null)));
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Map<String, Attempts> lockForUpdate(Collection<String> keys) {
		if (!this.inTransaction.get()) {
			throw new IllegalStateException("lockForUpdate outside a transaction of transactions() would lock nothing");
		}
		Map<String, Attempts> locked = new LinkedHashMap<>();
		for (String key : new TreeSet<>(keys)) {
			Attempts row = this.rows.get(key);
			if (row != null) {
				locked.put(key, row);
			}
		}
		return locked;
	}

	@Override
	public void save(String key, Attempts attempts) {
		this.lock.lock();
		try {
			this.rows.computeIfPresent(key, (k, row) -> attempts);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void reset(String key) {
		this.lock.lock();
		try {
			this.rows.remove(key);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public int deleteIdleSince(Instant before) {
		this.lock.lock();
		try {
			int size = this.rows.size();
			this.rows.values().removeIf((row) -> row.lastAt().isBefore(before));
			return size - this.rows.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The counter under {@code key}, if any: for tests that look at what a throttle stored. */
	public Attempts find(String key) {
		this.lock.lock();
		try {
			return this.rows.get(key);
		}
		finally {
			this.lock.unlock();
		}
	}

}
