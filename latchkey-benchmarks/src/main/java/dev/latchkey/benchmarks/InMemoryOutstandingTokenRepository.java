package dev.latchkey.benchmarks;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.latchkey.token.OutstandingToken;
import dev.latchkey.token.OutstandingTokenRepository;

/** A trivial {@link OutstandingTokenRepository} in a map, for the micro-benchmarks only. */
public final class InMemoryOutstandingTokenRepository implements OutstandingTokenRepository {

	private final Map<String, OutstandingToken> tokens = new ConcurrentHashMap<>();

	@Override
	public void save(OutstandingToken token) {
		this.tokens.put(token.tokenId(), token);
	}

	@Override
	public Optional<OutstandingToken> find(String tokenId) {
		return Optional.ofNullable(this.tokens.get(tokenId));
	}

	@Override
	public boolean markReplaced(String tokenId, String successorId, Instant at) {
		OutstandingToken token = this.tokens.get(tokenId);
		if (token == null || token.isReplaced()) {
			return false;
		}
		this.tokens.put(tokenId, new OutstandingToken(token.tokenId(), token.userId(), token.sessionId(),
				token.createdAt(), token.expiresAt(), successorId, at, token.blacklisted()));
		return true;
	}

	@Override
	public void blacklist(String tokenId, Instant at) {
		this.tokens.computeIfPresent(tokenId, (key, token) -> new OutstandingToken(token.tokenId(), token.userId(),
				token.sessionId(), token.createdAt(), token.expiresAt(), token.replacedBy(), token.replacedAt(), true));
	}

	@Override
	public int deleteExpired(Instant now, int limit) {
		return 0;
	}

}
