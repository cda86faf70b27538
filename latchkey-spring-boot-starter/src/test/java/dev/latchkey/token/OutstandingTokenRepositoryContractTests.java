package dev.latchkey.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.TestDatabases;
import dev.latchkey.testing.InMemoryOutstandingTokenRepository;
import dev.latchkey.testing.InMemorySessionRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One contract, two implementations: {@link JdbcOutstandingTokenRepository} on H2 and the test
 * fixture {@link InMemoryOutstandingTokenRepository}.
 */
class OutstandingTokenRepositoryContractTests {

	abstract static class Contract {

		static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

		OutstandingTokenRepository tokens;

		SessionRepository sessions;

		long alice;

		abstract SessionRepository createSessions();

		abstract OutstandingTokenRepository create(SessionRepository sessions);

		abstract long user(String username);

		@BeforeEach
		void setUp() {
			this.sessions = createSessions();
			this.tokens = create(this.sessions);
			this.alice = user("alice");
		}

		OutstandingToken save(String jti, Duration lifetime) {
			OutstandingToken token = OutstandingToken.issued(jti, this.alice, "session-1", T0, T0.plus(lifetime));
			this.tokens.save(token);
			return token;
		}

		@Test
		void saveThenFindAsIssued() {
			this.tokens.save(new OutstandingToken("t1", this.alice, "session-1", T0, T0.plus(Duration.ofDays(1)),
					"t0", T0, true));

			assertThat(this.tokens.find("t1")).contains(OutstandingToken.issued("t1", this.alice, "session-1", T0,
					T0.plus(Duration.ofDays(1))));
			assertThat(this.tokens.find("t2")).isEmpty();
		}

		@Test
		void saveWhenJtiTakenThenDuplicateKey() {
			save("t1", Duration.ofDays(1));

			assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> save("t1", Duration.ofDays(2)));
		}

		@Test
		void markReplacedThenOnlyTheFirstCallerWins() {
			save("t1", Duration.ofDays(1));

			assertThat(this.tokens.markReplaced("t1", "t2", T0.plusSeconds(1))).isTrue();
			assertThat(this.tokens.markReplaced("t1", "t3", T0.plusSeconds(2))).isFalse();
			assertThat(this.tokens.markReplaced("missing", "t3", T0)).isFalse();

			OutstandingToken replaced = this.tokens.find("t1").orElseThrow();
			assertThat(replaced.replacedBy()).isEqualTo("t2");
			assertThat(replaced.replacedAt()).isEqualTo(T0.plusSeconds(1));
			assertThat(replaced.blacklisted()).isFalse();
		}

		@Test
		void markReplacedWhenRacingThenExactlyOneWins() throws Exception {
			save("t1", Duration.ofDays(1));
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				List<Callable<Boolean>> racers = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					String successor = "s" + i;
					racers.add(() -> this.tokens.markReplaced("t1", successor, T0));
				}
				int winners = 0;
				for (Future<Boolean> result : pool.invokeAll(racers)) {
					winners += result.get() ? 1 : 0;
				}
				assertThat(winners).isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
		}

		@Test
		void blacklistThenBlacklistedAndAgainChangesNothing() {
			save("t1", Duration.ofDays(1));

			this.tokens.blacklist("t1", T0);
			this.tokens.blacklist("t1", T0.plusSeconds(1));
			this.tokens.blacklist("missing", T0);

			assertThat(this.tokens.find("t1").orElseThrow().blacklisted()).isTrue();
			assertThat(this.tokens.find("missing")).isEmpty();
		}

		@Test
		void findWithSessionThenTheTokenAsFoundAndItsSessionAsStored() {
			Session session = new Session("session-1", this.alice, T0, T0, T0.plus(Duration.ofDays(30)), null,
					new ClientInfo("agent/1.0", "192.0.2.7"), List.of("pwd", "otp"));
			this.sessions.save(session);
			save("t1", Duration.ofDays(1));
			this.tokens.markReplaced("t1", "t2", T0.plusSeconds(5));
			this.tokens.blacklist("t1", T0.plusSeconds(5));

			StoredRefresh stored = this.tokens.findWithSession("t1").orElseThrow();

			assertThat(stored.token()).isEqualTo(this.tokens.find("t1").orElseThrow());
			assertThat(stored.session()).isEqualTo(this.sessions.find("session-1").orElseThrow());
			assertThat(stored.session().amr()).containsExactly("pwd", "otp");
			assertThat(this.tokens.findWithSession("unknown")).isEmpty();
		}

		@Test
		void findWithSessionWhenTheSessionIsGoneOrRevokedThenSaysSo() {
			save("orphan", Duration.ofDays(1));
			assertThat(this.tokens.findWithSession("orphan")).hasValueSatisfying((stored) -> {
				assertThat(stored.token().tokenId()).isEqualTo("orphan");
				assertThat(stored.session()).isNull();
			});

			this.sessions.save(new Session("session-1", this.alice, T0, T0, T0.plus(Duration.ofDays(30)), null,
					ClientInfo.none(), List.of("pwd")));
			this.sessions.revoke(this.alice, "session-1", null, T0.plusSeconds(1));
			assertThat(this.tokens.findWithSession("orphan").orElseThrow().session().isRevoked()).isTrue();
		}

		@Test
		void deleteExpiredThenOnlyThoseExpiredBeforeNowOldestFirstUpToTheLimit() {
			save("first", Duration.ofHours(1));
			save("second", Duration.ofHours(2));
			save("third", Duration.ofHours(3));
			save("now", Duration.ofHours(4));
			this.tokens.blacklist("first", T0);
			Instant now = T0.plus(Duration.ofHours(4));

			assertThat(this.tokens.deleteExpired(now, 2)).isEqualTo(2);
			assertThat(this.tokens.find("first")).isEmpty();
			assertThat(this.tokens.find("second")).isEmpty();
			assertThat(this.tokens.deleteExpired(now, 10)).isEqualTo(1);
			assertThat(this.tokens.find("third")).isEmpty();
			assertThat(this.tokens.find("now")).isPresent();
		}

	}

	@Nested
	class InMemory extends Contract {

		@Override
		SessionRepository createSessions() {
			return new InMemorySessionRepository();
		}

		@Override
		OutstandingTokenRepository create(SessionRepository sessions) {
			return new InMemoryOutstandingTokenRepository(sessions);
		}

		@Override
		long user(String username) {
			return 1;
		}

	}

	@Nested
	class Jdbc extends Contract {

		private final DataSource dataSource = TestDatabases.migrated();

		@Override
		SessionRepository createSessions() {
			return new JdbcSessionRepository(JdbcClient.create(this.dataSource));
		}

		@Override
		OutstandingTokenRepository create(SessionRepository sessions) {
			return new JdbcOutstandingTokenRepository(JdbcClient.create(this.dataSource));
		}

		@Override
		long user(String username) {
			return TestDatabases.insertUser(this.dataSource, username);
		}

	}

}
