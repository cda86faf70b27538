package dev.latchkey.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.latchkey.throttle.AttemptRepository;
import dev.latchkey.throttle.ThrottledException;

/**
 * Limits requests that send mail (password reset, resend verification) per client address and
 * per email address, on the brute-force counters' table, so the limits hold across instances.
 * The email is counted hashed: the table never holds addresses.
 */
public final class RequestThrottle {

	private final AttemptRepository attempts;

	private final String kind;

	private final int perEmail;

	private final int perAddress;

	private final Duration window;

	private final Clock clock;

	public RequestThrottle(AttemptRepository attempts, String kind, int perEmail, int perAddress, Duration window,
			Clock clock) {
		this.attempts = attempts;
		this.kind = kind;
		this.perEmail = perEmail;
		this.perAddress = perAddress;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Count one request.
	 * @throws ThrottledException past either limit within the window
	 */
	public void check(String ip, String email) {
		Instant now = this.clock.instant();
		Instant windowStart = now.minus(this.window);
		int byAddress = this.attempts.increment(this.kind + "-ip:" + ip, now, windowStart);
		int byEmail = this.attempts.increment(this.kind + "-e:" + SecretTokens.hash(email.toLowerCase(Locale.ROOT)),
				now, windowStart);
		if (byAddress > this.perAddress || byEmail > this.perEmail) {
			throw new ThrottledException(Math.max(1, this.window.toSeconds()));
		}
	}

}
