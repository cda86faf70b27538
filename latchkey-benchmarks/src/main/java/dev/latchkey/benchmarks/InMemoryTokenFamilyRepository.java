package dev.latchkey.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.latchkey.token.TokenFamily;
import dev.latchkey.token.TokenFamilyRepository;

/**
 * A trivial {@link TokenFamilyRepository} in a map, so that the micro-benchmarks measure Latchkey's
 * code and not a database. Not for production: no eviction, linear scans.
 */
public final class InMemoryTokenFamilyRepository implements TokenFamilyRepository {

	private final Map<String, TokenFamily> families = new ConcurrentHashMap<>();

	@Override
	public void save(TokenFamily family) {
		this.families.put(family.id(), family);
	}

	@Override
	public Optional<TokenFamily> find(String id) {
		return Optional.ofNullable(this.families.get(id));
	}

	@Override
	public List<TokenFamily> findLive(long userId, Instant now) {
		List<TokenFamily> live = new ArrayList<>();
		for (TokenFamily family : this.families.values()) {
			if (family.userId() == userId && !family.isRevoked() && family.expiresAt().isAfter(now)) {
				live.add(family);
			}
		}
		return live;
	}

	@Override
	public List<String> revoke(long userId, String only, String except, Instant at) {
		List<String> revoked = new ArrayList<>();
		for (TokenFamily family : List.copyOf(this.families.values())) {
			boolean selected = family.userId() == userId && !family.isRevoked()
					&& (only == null || only.equals(family.id())) && !family.id().equals(except);
			if (selected) {
				this.families.put(family.id(), new TokenFamily(family.id(), family.userId(), family.createdAt(),
						family.lastUsedAt(), family.expiresAt(), at, family.client()));
				revoked.add(family.id());
			}
		}
		return revoked;
	}

	@Override
	public void touch(String id, Instant at) {
		this.families.computeIfPresent(id, (key, family) -> new TokenFamily(family.id(), family.userId(),
				family.createdAt(), at, family.expiresAt(), family.revokedAt(), family.client()));
	}

	@Override
	public int deleteExpired(Instant now, int limit) {
		return 0;
	}

	@Override
	public List<String> findRevokedSince(Instant since) {
		List<String> ids = new ArrayList<>();
		for (TokenFamily family : this.families.values()) {
			if (family.isRevoked() && family.revokedAt().isAfter(since)) {
				ids.add(family.id());
			}
		}
		return ids;
	}

}
