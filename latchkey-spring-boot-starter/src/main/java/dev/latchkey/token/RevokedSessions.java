package dev.latchkey.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The sessions revoked recently enough that their access tokens may still be alive, held in
 * memory so the request path checks revocation with one hash lookup and no query.
 *
 * <p>Revocations made by this instance count at once; those made by other instances sharing the
 * database arrive with the next {@link #reload()}, which the auto-configuration runs every
 * {@code latchkey.jwt.revocation-poll-interval}. A revocation older than the access-token
 * lifetime (plus leeway) is forgotten: no access token of that session can still be valid.
 *
 * <p>While the database is unavailable the list keeps what it had, so revocations made before
 * an outage stay enforced; once it has not been reloaded for longer than the staleness limit,
 * {@link #isRevoked} fails as the database does (a 503) rather than trust an old list.
 */
public final class RevokedSessions {

	private final SessionRepository sessions;

	private final Duration window;

	private final Clock clock;

	private final Duration staleLimit;

	private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

	// Monotonic, not the clock: this measures our own polling, which a clock set forward must not
	// make look stale.
	private volatile long reloadedAtNanos = System.nanoTime();

	/**
	 * A list that is trusted however long ago it was reloaded.
	 */
	public RevokedSessions(SessionRepository sessions, Duration window, Clock clock) {
		this(sessions, window, null, clock);
	}

	/**
	 * @param sessions where revocations are stored
	 * @param window how long a revocation matters: the access-token lifetime plus leeway
	 * @param staleLimit how long after its last reload the list is still trusted, or
	 * {@code null} for always
	 * @param clock the clock
	 */
	public RevokedSessions(SessionRepository sessions, Duration window, Duration staleLimit, Clock clock) {
		this.sessions = sessions;
		this.window = window;
		this.staleLimit = staleLimit;
		this.clock = clock;
	}

	/**
	 * Whether access tokens of this session must be refused.
	 * @throws DataAccessResourceFailureException if the list is older than the staleness limit
	 */
	public boolean isRevoked(String sessionId) {
		if (this.staleLimit != null && System.nanoTime() - this.reloadedAtNanos > this.staleLimit.toNanos()) {
			throw new DataAccessResourceFailureException("Revoked sessions not reloaded for longer than " + this.staleLimit);
		}
		return sessionId != null && this.revoked.containsKey(sessionId);
	}

	/** Record a revocation made by this instance. */
	public void markRevoked(String sessionId) {
		this.revoked.put(sessionId, this.clock.instant());
	}

	/** Pick up revocations made by every instance, and forget those too old to matter. */
	public void reload() {
		long started = System.nanoTime();
		Instant now = this.clock.instant();
		Instant since = now.minus(this.window);
		for (String id : this.sessions.findRevokedSince(since)) {
			this.revoked.putIfAbsent(id, now);
		}
		this.revoked.values().removeIf((at) -> at.isBefore(since));
		this.reloadedAtNanos = started;
	}

}
