package dev.latchkey.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A small read-through cache that also rides out a database outage: a value younger than the
 * time-to-live is reused; an older one is read again, and when that read fails because the
 * database is unavailable ({@link DatabaseFailures#isUnavailable}) the last value read is
 * returned instead, as long as it is younger than the staleness limit. Past that limit, or for a
 * key never read, the failure propagates (and becomes a 503). While the database is known to be
 * unavailable, such a value is returned without trying to read at all, so an outage costs no
 * waiting for timeouts.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class LastKnown<K, V> {

	private static final int MAX_ENTRIES = 100_000;

	private final Duration timeToLive;

	private final Duration staleLimit;

	private final Clock clock;

	private final DatabaseAvailability availability;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	/**
	 * @param timeToLive how long a value is reused without asking the database
	 * @param staleLimit how old a value may be and still be used while the database is
	 * unavailable; zero turns that off
	 * @param clock the clock
	 */
	public LastKnown(Duration timeToLive, Duration staleLimit, Clock clock) {
		this(timeToLive, staleLimit, clock, DatabaseAvailability.ALWAYS);
	}

	/**
	 * @param timeToLive how long a value is reused without asking the database
	 * @param staleLimit how old a value may be and still be used while the database is
	 * unavailable; zero turns that off
	 * @param clock the clock
	 * @param availability whether the database is believed to answer now
	 */
	public LastKnown(Duration timeToLive, Duration staleLimit, Clock clock, DatabaseAvailability availability) {
		this.timeToLive = timeToLive;
		this.staleLimit = staleLimit;
		this.clock = clock;
		this.availability = availability;
	}

	/** The value for {@code key}: cached, read by {@code reader}, or last known during an outage. */
	public V get(K key, Supplier<V> reader) {
		Instant now = this.clock.instant();
		Entry<V> entry = this.entries.get(key);
		if (entry != null && now.isBefore(entry.reusableUntil())) {
			return entry.value();
		}
		boolean usable = entry != null && now.isBefore(entry.readAt().plus(this.staleLimit));
		if (usable && !this.availability.isAvailable()) {
			return entry.value();
		}
		V value;
		try {
			value = reader.get();
		}
		catch (RuntimeException ex) {
			if (usable && DatabaseFailures.isUnavailable(ex)) {
				return entry.value();
			}
			throw ex;
		}
		put(key, new Entry<>(value, now, now.plus(this.timeToLive)));
		return value;
	}

	/**
	 * Keep {@code value}, just read by other means (a login reads the user by name), as the last
	 * known one for an outage; the next {@link #get} still reads, so a change made elsewhere is
	 * seen at once.
	 */
	public void remember(K key, V value) {
		Instant now = this.clock.instant();
		put(key, new Entry<>(value, now, now));
	}

	/** Forget {@code key}, after a change made through this instance. */
	public void evict(K key) {
		this.entries.remove(key);
	}

	private void put(K key, Entry<V> entry) {
		if (this.entries.size() >= MAX_ENTRIES) {
			// Bounded memory under a flood of distinct ids: start over rather than grow.
			this.entries.clear();
		}
		this.entries.put(key, entry);
	}

	private record Entry<V>(V value, Instant readAt, Instant reusableUntil) {
	}

}
