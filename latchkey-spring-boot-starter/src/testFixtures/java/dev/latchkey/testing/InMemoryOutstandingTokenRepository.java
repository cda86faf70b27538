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

import static dev.latchkey.testing.InMemoryUserRepository.micros;

/**
 * An {@link OutstandingTokenRepository} in a map, with the contract of
 * {@code JdbcOutstandingTokenRepository}: a saved token starts neither replaced nor blacklisted,
 * {@code jti}s are unique, {@link #markReplaced} is a conditional update that exactly one of
 * racing callers wins, blacklisting twice changes nothing, and instants are kept to the
 * microsecond.
 */
public final class InMemoryOutstandingTokenRepository implements OutstandingTokenRepository {

	private final Map<String, OutstandingToken> tokens = new ConcurrentHashMap<>();

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
