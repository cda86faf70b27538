package dev.latchkey.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SessionRepository} that keeps at most {@code maximumPerUser} live sessions per user:
 * saving a new session ends the user's oldest live sessions beyond that number, as a revocation
 * (their refresh tokens are then refused with "Token is blacklisted", their access tokens within
 * the revocation poll interval). So the session list of a user, and the work of "log out
 * everywhere", stay bounded however often a client logs in without logging out. Everything else is
 * the delegate's.
 */
public final class SessionLimit implements SessionRepository {

	private final SessionRepository delegate;

	private final int maximumPerUser;

	private SessionLimit(SessionRepository delegate, int maximumPerUser) {
		this.delegate = delegate;
		this.maximumPerUser = maximumPerUser;
	}

	/**
	 * @param repository where sessions are kept
	 * @param maximumPerUser most live sessions of one user; 0 or less for no limit
	 * @return {@code repository} itself without a limit, else the repository with it
	 */
	public static SessionRepository wrap(SessionRepository repository, int maximumPerUser) {
		return (maximumPerUser > 0) ? new SessionLimit(repository, maximumPerUser) : repository;
	}

	@Override
	public void save(Session session) {
		this.delegate.save(session);
		// Oldest first: everything before the last maximumPerUser ends (never the session just saved).
		List<Session> live = this.delegate.findLive(session.userId(), session.createdAt());
		for (int i = 0; i < live.size() - this.maximumPerUser; i++) {
			Session oldest = live.get(i);
			if (!oldest.id().equals(session.id())) {
				this.delegate.revoke(session.userId(), oldest.id(), null, session.createdAt());
			}
		}
	}

	@Override
	public Optional<Session> find(String id) {
		return this.delegate.find(id);
	}

	@Override
	public List<Session> findLive(long userId, Instant now) {
		return this.delegate.findLive(userId, now);
	}

	@Override
	public List<String> revoke(long userId, String only, String except, Instant at) {
		return this.delegate.revoke(userId, only, except, at);
	}

	@Override
	public void touch(String id, Instant at) {
		this.delegate.touch(id, at);
	}

	@Override
	public int deleteExpired(Instant now, int limit) {
		return this.delegate.deleteExpired(now, limit);
	}

	@Override
	public List<String> findRevokedSince(Instant since) {
		return this.delegate.findRevokedSince(since);
	}

}
