package dev.latchkey.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.dao.DuplicateKeyException;

import dev.latchkey.token.OutstandingToken;
import dev.latchkey.token.OutstandingTokenRepository;
import dev.latchkey.token.SessionRepository;
import dev.latchkey.token.StoredRefresh;

import static dev.latchkey.testing.InMemoryUserRepository.micros;

/**
 * An {@link OutstandingTokenRepository} in a map, with the contract of
 * {@code JdbcOutstandingTokenRepository}: a saved token starts neither replaced nor blacklisted,
 * {@code jti}s are unique, {@link #markReplaced} is a conditional update that exactly one of
 * racing callers wins, blacklisting twice changes nothing, and instants are kept to the
 * microsecond. {@link #findWithSession} reads the sessions from the repository it was given.
 */
public final class InMemoryOutstandingTokenRepository implements OutstandingTokenRepository {

	private final Map<String, OutstandingToken> tokens = new ConcurrentHashMap<>();

	private final SessionRepository sessions;

	/**
	 * @param sessions where the tokens' sessions are, for {@link #findWithSession}
	 */
	public InMemoryOutstandingTokenRepository(SessionRepository sessions) {
		this.sessions = sessions;
	}

	@Override
	public void save(OutstandingToken token) {
		OutstandingToken stored = OutstandingToken.issued(token.tokenId(), token.userId(), token.sessionId(),
				micros(token.createdAt()), micros(token.expiresAt()));
		if (this.tokens.putIfAbsent(token.tokenId(), stored) != null) {
			throw new DuplicateKeyException("latchkey_outstanding_token_jti_key: " + token.tokenId());
		}
	}

	@Override
	public Optional<OutstandingToken> find(String tokenId) {
		return Optional.ofNullable(this.tokens.get(tokenId));
	}

	@Override
	public Optional<StoredRefresh> findWithSession(String tokenId) {
		return find(tokenId).map((token) -> new StoredRefresh(token, this.sessions.find(token.sessionId()).orElse(null)));
	}

	@Override
	public boolean markReplaced(String tokenId, String successorId, Instant at) {
		AtomicBoolean won = new AtomicBoolean();
		this.tokens.computeIfPresent(tokenId, (key, token) -> {
			if (token.isReplaced()) {
				return token;
			}
			won.set(true);
			return new OutstandingToken(token.tokenId(), token.userId(), token.sessionId(), token.createdAt(),
					token.expiresAt(), successorId, micros(at), token.blacklisted());
		});
		return won.get();
	}

	@Override
	public void blacklist(String tokenId, Instant at) {
		this.tokens.computeIfPresent(tokenId, (key, token) -> new OutstandingToken(token.tokenId(), token.userId(),
				token.sessionId(), token.createdAt(), token.expiresAt(), token.replacedBy(), token.replacedAt(), true));
	}

	@Override
	public synchronized int deleteExpired(Instant now, int limit) {
		List<String> expired = this.tokens.values()
			.stream()
			.filter((token) -> token.expiresAt().isBefore(now))
			.sorted(Comparator.comparing(OutstandingToken::expiresAt))
			.limit(limit)
			.map(OutstandingToken::tokenId)
			.toList();
		expired.forEach(this.tokens::remove);
		return expired.size();
	}

}
