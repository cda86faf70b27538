package dev.latchkey.server.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBatchPlanTests {

	static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");

	@Test
	void ofWhenTokensVaryThenEachGoesWhereItBelongs() {
		List<DjangoToken> batch = List.of(token("new", 1L, NOW.plusSeconds(60)), token("adopted", 1L, NOW.plusSeconds(60)),
				token("done", 1L, NOW.plusSeconds(60)), token("expired", 1L, NOW), token("orphan", 9L, NOW.plusSeconds(60)),
				token("deleted-user", null, NOW.plusSeconds(60)));

		TokenBatchPlan plan = TokenBatchPlan.of(batch, Map.of("adopted", false, "done", true), Set.of(1L), NOW);

		assertThat(plan.toInsert()).extracting(DjangoToken::jti).containsExactly("new");
		assertThat(plan.toBlacklist()).extracting(DjangoToken::jti).containsExactly("adopted");
		assertThat(plan.unchanged()).isEqualTo(1);
		assertThat(plan.expired()).isEqualTo(1);
		assertThat(plan.orphaned()).isEqualTo(2);
	}

	private static DjangoToken token(String jti, Long userId, Instant expiresAt) {
		return new DjangoToken(jti, userId, NOW.minusSeconds(3600), expiresAt, NOW.minusSeconds(60));
	}

}
