package dev.latchkey.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.latchkey.token.Session;
import dev.latchkey.token.SessionRepository;

/**
 * A trivial {@link SessionRepository} in a map, so that the micro-benchmarks measure Latchkey's
 * code and not a database. Not for production: no eviction, linear scans.
 */
public final class InMemorySessionRepository implements SessionRepository {

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	@Override
	public void save(Session session) {
		this.sessions.put(session.id(), session);
	}

	@Override
	public Optional<Session> find(String id) {
		return Optional.ofNullable(this.sessions.get(id));
	}

	@Override
	public List<Session> findLive(long userId, Instant now) {
		List<Session> live = new ArrayList<>();
		for (Session session : this.sessions.values()) {
			if (session.userId() == userId && !session.isRevoked() && session.expiresAt().isAfter(now)) {
				live.add(session);
			}
		}
		return live;
	}

	@Override
	public List<String> revoke(long userId, String only, String except, Instant at) {
		List<String> revoked = new ArrayList<>();
		for (Session session : List.copyOf(this.sessions.values())) {
			boolean selected = session.userId() == userId && !session.isRevoked()
					&& (only == null || only.equals(session.id())) && !session.id().equals(except);
			if (selected) {
				this.sessions.put(session.id(), new Session(session.id(), session.userId(), session.createdAt(),
						session.lastUsedAt(), session.expiresAt(), at, session.client()));
				revoked.add(session.id());
			}
		}
		return revoked;
	}

	@Override
	public void touch(String id, Instant at) {
		this.sessions.computeIfPresent(id, (key, session) -> new Session(session.id(), session.userId(),
				session.createdAt(), at, session.expiresAt(), session.revokedAt(), session.client()));
	}

	@Override
	public int deleteExpired(Instant now, int limit) {
		return 0;
	}

	@Override
	public List<String> findRevokedSince(Instant since) {
		List<String> ids = new ArrayList<>();
		for (Session session : this.sessions.values()) {
			if (session.isRevoked() && session.revokedAt().isAfter(since)) {
				ids.add(session.id());
			}
		}
		return ids;
	}

}
