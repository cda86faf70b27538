package dev.latchkey.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-user session limit: a new session ends the oldest live ones beyond it, of that user only. */
class SessionLimitTests {

	private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

	private final Families families = new Families();

	private static TokenFamily family(String id, long userId, int second) {
		Instant at = T0.plusSeconds(second);
		return new TokenFamily(id, userId, at, at, at.plusSeconds(86_400), null, new ClientInfo("agent", "127.0.0.1"));
	}

	@Test
	void saveWhenMoreThanLimitThenOldestEndedAndListBounded() {
		TokenFamilyRepository limited = SessionLimit.wrap(this.families, 3);
		limited.save(family("other", 2, 0));
		for (int i = 1; i <= 5000; i++) {
			limited.save(family("s" + i, 1, i));
			assertThat(limited.findLive(1, T0.plusSeconds(i))).hasSizeLessThanOrEqualTo(3);
		}
		assertThat(limited.findLive(1, T0.plusSeconds(5000))).extracting(TokenFamily::id).containsExactly("s4998", "s4999", "s5000");
		assertThat(this.families.find("s1").orElseThrow().isRevoked()).isTrue();
		assertThat(limited.findLive(2, T0.plusSeconds(5000))).extracting(TokenFamily::id).containsExactly("other");
	}

	@Test
	void wrapWhenNoLimitThenRepositoryItself() {
		assertThat(SessionLimit.wrap(this.families, 0)).isSameAs(this.families);
		for (int i = 1; i <= 200; i++) {
			this.families.save(family("s" + i, 1, i));
		}
		assertThat(this.families.findLive(1, T0.plusSeconds(200))).hasSize(200);
	}

	/** Just enough of a repository: live = not revoked, not past its end; oldest first. */
	static final class Families implements TokenFamilyRepository {

		private final Map<String, TokenFamily> rows = new LinkedHashMap<>();

		@Override
		public void save(TokenFamily family) {
			this.rows.put(family.id(), family);
		}

		@Override
		public Optional<TokenFamily> find(String id) {
			return Optional.ofNullable(this.rows.get(id));
		}

		@Override
		public List<TokenFamily> findLive(long userId, Instant now) {
			return this.rows.values()
				.stream()
				.filter((f) -> f.userId() == userId && f.revokedAt() == null && f.expiresAt().isAfter(now))
				.sorted(Comparator.comparing(TokenFamily::createdAt))
				.toList();
		}

		@Override
		public List<String> revoke(long userId, String only, String except, Instant at) {
			List<String> revoked = new ArrayList<>();
			for (TokenFamily f : List.copyOf(this.rows.values())) {
				if (f.userId() == userId && f.revokedAt() == null && (only == null || f.id().equals(only))
						&& (except == null || !f.id().equals(except))) {
					this.rows.put(f.id(), new TokenFamily(f.id(), f.userId(), f.createdAt(), f.lastUsedAt(), f.expiresAt(), at,
							f.client()));
					revoked.add(f.id());
				}
			}
			return revoked;
		}

		@Override
		public void touch(String id, Instant at) {
		}

		@Override
		public int deleteExpired(Instant now, int limit) {
			return 0;
		}

		@Override
		public List<String> findRevokedSince(Instant since) {
			return List.of();
		}

	}

}
