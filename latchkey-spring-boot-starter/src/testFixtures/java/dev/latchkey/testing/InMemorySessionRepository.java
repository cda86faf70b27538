package dev.latchkey.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.dao.DuplicateKeyException;

import dev.latchkey.token.Session;
import dev.latchkey.token.SessionRepository;

import static dev.latchkey.testing.InMemoryUserRepository.micros;

/**
 * A {@link SessionRepository} in a map, with the contract of {@code JdbcSessionRepository}: a
 * saved session starts unrevoked and last used when created (the insert writes no other values),
 * ids are unique, each session is revoked once however many revocations race, live sessions come
 * in creation order, and instants are kept to the microsecond. Linear scans, no eviction: for
 * tests and micro-benchmarks, never production.
 */
public final class InMemorySessionRepository implements SessionRepository {

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	@Override
	public void save(Session session) {
		Session stored = new Session(session.id(), session.userId(), micros(session.createdAt()),
				micros(session.createdAt()), micros(session.expiresAt()), null, session.client(),
				session.amr());
		if (this.sessions.putIfAbsent(session.id(), stored) != null) {
			throw new DuplicateKeyException("latchkey_session primary key: " + session.id());
		}
	}

	@Override
	public Optional<Session> find(String id) {
		return Optional.ofNullable(this.sessions.get(id));
	}

	@Override
	public List<Session> findLive(long userId, Instant now) {
		return this.sessions.values()
			.stream()
			.filter((session) -> session.userId() == userId && !session.isRevoked() && session.expiresAt().isAfter(now))
			.sorted(Comparator.comparing(Session::createdAt))
			.toList();
	}

	@Override
	public List<String> revoke(long userId, String only, String except, Instant at) {
		List<String> revoked = new ArrayList<>();
		for (Session candidate : List.copyOf(this.sessions.values())) {
			boolean selected = candidate.userId() == userId && (only == null || only.equals(candidate.id()))
					&& !candidate.id().equals(except);
			if (!selected) {
				continue;
			}
			// Conditional, as the JDBC update: of two racing revocations, one reports the session.
			AtomicBoolean won = new AtomicBoolean();
			this.sessions.computeIfPresent(candidate.id(), (key, session) -> {
				if (session.isRevoked()) {
					return session;
				}
				won.set(true);
				return new Session(session.id(), session.userId(), session.createdAt(), session.lastUsedAt(),
						session.expiresAt(), micros(at), session.client(), session.amr());
			});
			if (won.get()) {
				revoked.add(candidate.id());
			}
		}
		return revoked;
	}

	@Override
	public void touch(String id, Instant at) {
		this.sessions.computeIfPresent(id, (key, session) -> new Session(session.id(), session.userId(),
				session.createdAt(), micros(at), session.expiresAt(), session.revokedAt(), session.client(),
				session.amr()));
	}

	@Override
	public synchronized int deleteExpired(Instant now, int limit) {
		List<String> expired = this.sessions.values()
			.stream()
			.filter((session) -> session.expiresAt().isBefore(now))
			.sorted(Comparator.comparing(Session::expiresAt))
			.limit(limit)
			.map(Session::id)
			.toList();
		expired.forEach(this.sessions::remove);
		return expired.size();
	}

	@Override
	public List<String> findRevokedSince(Instant since) {
		return this.sessions.values()
			.stream()
			.filter((session) -> session.isRevoked() && session.revokedAt().isAfter(since))
			.map(Session::id)
			.toList();
	}

}
