package dev.latchkey.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Brute-force protection (OWASP ASVS 5.0 V6.3, Keycloak's temporary lockout): failed logins are
 * counted per username and per client address; past a threshold each further failure locks the
 * key for twice as long as the last, up to a maximum. A lock refuses at once, without hashing.
 * A success clears the username's count (not the address's: an attacker could otherwise reset it
 * with an account of their own). Sign-ups are limited per address and window.
 */
public final class LoginThrottle {

	private final AttemptRepository attempts;

	private final ThrottleSettings settings;

	private final Clock clock;

	public LoginThrottle(AttemptRepository attempts, ThrottleSettings settings, Clock clock) {
		this.attempts = attempts;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @throws ThrottledException while the username or the address is locked
	 */
	public void checkLogin(String username, String ip) {
		Instant until = this.attempts.lockedUntil(List.of(usernameKey(username), ipKey(ip)));
		Instant now = this.clock.instant();
		if (until != null && until.isAfter(now)) {
			throw new ThrottledException(secondsUntil(now, until));
		}
	}

	/**
	 * Count a failed login.
	 * @return whether this failure locked the username or the address
	 */
	public boolean recordFailure(String username, String ip) {
		boolean userLocked = count(usernameKey(username), this.settings.usernameThreshold());
		boolean ipLocked = count(ipKey(ip), this.settings.ipThreshold());
		return userLocked || ipLocked;
	}

	public void recordSuccess(String username) {
		this.attempts.reset(usernameKey(username));
	}

	/**
	 * Count a sign-up attempt from an address.
	 * @throws ThrottledException past the limit for the window
	 */
	public void checkSignUp(String ip) {
		Instant now = this.clock.instant();
		Duration window = this.settings.signUpWindow();
		int count = this.attempts.increment("signup:" + ip, now, now.minus(window));
		if (count > this.settings.signUpsPerWindow()) {
			throw new ThrottledException(window.toSeconds());
		}
	}

	/** Forget counters idle for longer than every window (housekeeping). */
	public int deleteIdle() {
		Duration longest = max(this.settings.window(), this.settings.signUpWindow()).plus(this.settings.maximumLockout());
		return this.attempts.deleteIdleSince(this.clock.instant().minus(longest));
	}

	private boolean count(String key, int threshold) {
		Instant now = this.clock.instant();
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
