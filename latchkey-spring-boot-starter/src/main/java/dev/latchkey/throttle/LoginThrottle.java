package dev.latchkey.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Brute-force protection (OWASP ASVS 5.0 V6.3, Keycloak's temporary lockout) for every password
 * check: logins, password changes, any re-authentication. Each check is reserved before the hash
 * is computed: in one database transaction that locks the account's counters (by normalised
 * username and by user id), it is refused while the account or the address is locked, else
 * counted, and past the threshold it locks the account for twice as long as the last lock, up to
 * a maximum. So concurrent attempts, on any instance, get one password check per lock at most.
 * A success clears the account's counts (not the address's: an attacker could otherwise reset it
 * with an account of their own). Failures per address are counted after the check. Sign-ups are
 * limited per address and window.
 */
public final class LoginThrottle {

	private static final int RESERVE_TRIES = 3;

	private final AttemptRepository attempts;

	private final ThrottleSettings settings;

	private final Clock clock;

	private final TransactionOperations transactions;

	public LoginThrottle(AttemptRepository attempts, ThrottleSettings settings, Clock clock,
			TransactionOperations transactions) {
		this.attempts = attempts;
		this.settings = settings;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * Reserve one password check on an account.
	 * @param normalizedUsername the username as the lookup normalised it
	 * @param userId the account's id when known, else {@code null}
	 * @param ip the client address
	 * @return the reservation, to be settled with {@link #recordFailure}, {@link #recordSuccess}
	 * or {@link #release}
	 * @throws ThrottledException while the account or the address is locked
	 */
	public LoginAttempt reserve(String normalizedUsername, Long userId, String ip) {
		List<String> subjects = new ArrayList<>(List.of(usernameKey(normalizedUsername)));
		if (userId != null) {
			subjects.add("id:" + userId);
		}
		String ipKey = ipKey(ip);
		List<String> keys = new ArrayList<>(subjects);
		keys.add(ipKey);
		Instant now = now();
		for (int i = 0; i < RESERVE_TRIES; i++) {
			this.attempts.createMissing(keys, now);
			LoginAttempt attempt = this.transactions.execute((status) -> reserveLocked(subjects, ipKey, keys, now));
			if (attempt != null) {
				return attempt;
			}
		}
		// A success kept deleting the rows between creation and locking: refuse rather than skip counting.
		throw new ThrottledException(1);
	}

	/**
	 * Count a failed check against the address (the account's count was reserved).
	 * @return whether the account or the address is now locked
	 */
	public boolean recordFailure(LoginAttempt attempt) {
		return count(attempt.ipKey(), this.settings.ipThreshold()) || attempt.locked();
	}

	/** A right password: the account's counts and lock start over. */
	public void recordSuccess(LoginAttempt attempt) {
		attempt.subjectKeys().forEach(this.attempts::reset);
	}

	/**
	 * The reserved check failed before it could judge (hashing busy, database down): give the
	 * attempt back, keeping that failure, with a failure of the release itself suppressed in it.
	 * @return {@code failure}, for the caller to rethrow
	 */
	public RuntimeException releaseAfter(LoginAttempt attempt, RuntimeException failure) {
		try {
			release(attempt);
		}
		catch (RuntimeException releaseFailure) {
			failure.addSuppressed(releaseFailure);
		}
		return failure;
	}

	/** The reserved check never happened (the hash could not run): give the attempt back. */
	public void release(LoginAttempt attempt) {
		this.transactions.executeWithoutResult((status) -> {
			Map<String, Attempts> rows = this.attempts.lockForUpdate(attempt.subjectKeys());
			rows.forEach((key, row) -> {
				boolean ownLock = attempt.lockedUntil() != null && attempt.lockedUntil().equals(row.lockedUntil());
				this.attempts.save(key, new Attempts(Math.max(0, row.count() - 1), row.lastAt(),
						ownLock ? null : row.lockedUntil()));
			});
		});
	}

	/**
	 * Count a sign-up attempt from an address.
	 * @throws ThrottledException past the limit for the window
	 */
	public void checkSignUp(String ip) {
		Instant now = now();
		Duration window = this.settings.signUpWindow();
		int count = this.attempts.increment("signup:" + ip, now, now.minus(window));
		if (count > this.settings.signUpsPerWindow()) {
			throw new ThrottledException(window.toSeconds());
		}
	}

	/** Forget counters idle for longer than every window (housekeeping). */
	public int deleteIdle() {
		Duration longest = max(this.settings.window(), this.settings.signUpWindow()).plus(this.settings.maximumLockout());
		return this.attempts.deleteIdleSince(now().minus(longest));
	}

	private LoginAttempt reserveLocked(List<String> subjects, String ipKey, List<String> keys, Instant now) {
		Map<String, Attempts> rows = this.attempts.lockForUpdate(keys);
		if (!rows.keySet().containsAll(keys)) {
			return null;
		}
		Instant until = rows.values().stream().filter((row) -> row.lockedAt(now)).map(Attempts::lockedUntil)
			.max(Instant::compareTo).orElse(null);
		if (until != null) {
			// Thrown inside the transaction: it rolls back, nothing is counted.
			throw new ThrottledException(secondsUntil(now, until));
		}
		Instant lockedUntil = null;
		for (String key : subjects) {
			Attempts row = rows.get(key);
			int count = row.lastAt().isBefore(now.minus(this.settings.window())) ? 1 : row.count() + 1;
			Instant lock = (count >= this.settings.usernameThreshold())
					? now.plus(lockout(count - this.settings.usernameThreshold())) : null;
			this.attempts.save(key, new Attempts(count, now, lock));
			lockedUntil = (lock != null && (lockedUntil == null || lock.isAfter(lockedUntil))) ? lock : lockedUntil;
		}
		return new LoginAttempt(subjects, ipKey, lockedUntil);
	}

	private boolean count(String key, int threshold) {
		Instant now = now();
		int failures = this.attempts.increment(key, now, now.minus(this.settings.window()));
		if (failures < threshold) {
			return false;
		}
		this.attempts.lockUntil(key, now.plus(lockout(failures - threshold)));
		return true;
	}

	/** The initial lockout doubled once per failure past the threshold, capped. */
	Duration lockout(int failuresPastThreshold) {
		Duration lockout = this.settings.initialLockout();
		for (int i = 0; i < failuresPastThreshold && lockout.compareTo(this.settings.maximumLockout()) < 0; i++) {
			lockout = lockout.multipliedBy(2);
		}
		return min(lockout, this.settings.maximumLockout());
	}

	private Instant now() {
		// Milliseconds survive every database's timestamp, so a lock read back equals the one written.
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String usernameKey(String username) {
		// Hashed: the table never holds usernames, and any length fits the key column.
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
			return "u:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String ipKey(String ip) {
		return "ip:" + ip;
	}

	private static long secondsUntil(Instant now, Instant until) {
		long millis = Duration.between(now, until).toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
