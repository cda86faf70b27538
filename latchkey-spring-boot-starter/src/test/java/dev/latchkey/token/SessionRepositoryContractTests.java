package dev.latchkey.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.TestDatabases;
import dev.latchkey.testing.InMemorySessionRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One contract, two implementations: {@link JdbcSessionRepository} on H2 and the test fixture
 * {@link InMemorySessionRepository} pass the same tests, so the fixture cannot drift from the
 * database.
 */
class SessionRepositoryContractTests {

	abstract static class Contract {

		static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

		static final ClientInfo CLIENT = new ClientInfo("curl/8", "203.0.113.7");

		SessionRepository sessions;

		long alice;

		long bob;

		abstract SessionRepository create();

		abstract long user(String username);

		@BeforeEach
		void setUp() {
			this.sessions = create();
			this.alice = user("alice");
			this.bob = user("bob");
		}

		Session save(String id, long userId, Instant createdAt, Duration lifetime) {
			Session session = new Session(id, userId, createdAt, createdAt, createdAt.plus(lifetime), null, CLIENT);
			this.sessions.save(session);
			return session;
		}

		@Test
		void saveThenFindStartsUnrevokedAndLastUsedWhenCreated() {
			this.sessions.save(new Session("s1", this.alice, T0, T0.plusSeconds(60), T0.plus(Duration.ofDays(30)),
					T0.plusSeconds(5), CLIENT));

			assertThat(this.sessions.find("s1")).contains(new Session("s1", this.alice, T0, T0,
					T0.plus(Duration.ofDays(30)), null, CLIENT));
			assertThat(this.sessions.find("s2")).isEmpty();
		}

		@Test
		void saveWhenIdTakenThenDuplicateKey() {
			save("s1", this.alice, T0, Duration.ofDays(1));

			assertThatExceptionOfType(DuplicateKeyException.class)
				.isThrownBy(() -> save("s1", this.bob, T0, Duration.ofDays(2)));
			assertThat(this.sessions.find("s1").orElseThrow().userId()).isEqualTo(this.alice);
		}

		@Test
		void findLiveWhenRevokedExpiredOrOthersThenLeftOutAndTheRestInCreationOrder() {
			save("later", this.alice, T0.plusSeconds(10), Duration.ofDays(1));
			save("earlier", this.alice, T0, Duration.ofDays(1));
			save("ends-now", this.alice, T0, Duration.ofHours(1));
			save("revoked", this.alice, T0, Duration.ofDays(1));
			save("bobs", this.bob, T0, Duration.ofDays(1));
			this.sessions.revoke(this.alice, "revoked", null, T0);

			List<Session> live = this.sessions.findLive(this.alice, T0.plus(Duration.ofHours(1)));

			assertThat(live).extracting(Session::id).containsExactly("earlier", "later");
		}

		@Test
		void revokeWhenOnlyGivenThenThatSessionOnceAndOthersUntouched() {
			save("a1", this.alice, T0, Duration.ofDays(1));
			save("a2", this.alice, T0, Duration.ofDays(1));
			save("b1", this.bob, T0, Duration.ofDays(1));

			assertThat(this.sessions.revoke(this.alice, "a1", null, T0.plusSeconds(1))).containsExactly("a1");
			assertThat(this.sessions.revoke(this.alice, "a1", null, T0.plusSeconds(2))).as("already revoked").isEmpty();
			assertThat(this.sessions.revoke(this.alice, "b1", null, T0.plusSeconds(2))).as("another user's").isEmpty();

			assertThat(this.sessions.find("a1").orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(1));
			assertThat(this.sessions.find("a2").orElseThrow().isRevoked()).isFalse();
			assertThat(this.sessions.find("b1").orElseThrow().isRevoked()).isFalse();
		}

		@Test
		void revokeWhenAllButOneThenTheUsersOthers() {
			save("a1", this.alice, T0, Duration.ofDays(1));
			save("a2", this.alice, T0, Duration.ofDays(1));
			save("a3", this.alice, T0, Duration.ofDays(1));
			save("b1", this.bob, T0, Duration.ofDays(1));

			assertThat(this.sessions.revoke(this.alice, null, "a2", T0)).containsExactlyInAnyOrder("a1", "a3");
			assertThat(this.sessions.revoke(this.alice, null, null, T0)).containsExactly("a2");
			assertThat(this.sessions.find("b1").orElseThrow().isRevoked()).isFalse();
		}

		@Test
		void touchThenOnlyLastUsedChanges() {
			Session saved = save("s1", this.alice, T0, Duration.ofDays(1));

			this.sessions.touch("s1", T0.plusSeconds(90));
			this.sessions.touch("missing", T0.plusSeconds(90));

			assertThat(this.sessions.find("s1")).contains(new Session("s1", this.alice, T0, T0.plusSeconds(90),
					saved.expiresAt(), null, CLIENT));
		}

		@Test
		void deleteExpiredThenOnlyThoseEndedBeforeNowOldestFirstUpToTheLimit() {
			save("ended-first", this.alice, T0, Duration.ofHours(1));
			save("ended-second", this.alice, T0, Duration.ofHours(2));
			save("ended-third", this.bob, T0, Duration.ofHours(3));
			save("ends-now", this.alice, T0, Duration.ofHours(4));
			Instant now = T0.plus(Duration.ofHours(4));

			assertThat(this.sessions.deleteExpired(now, 2)).isEqualTo(2);
			assertThat(this.sessions.find("ended-first")).isEmpty();
			assertThat(this.sessions.find("ended-second")).isEmpty();
			assertThat(this.sessions.find("ended-third")).isPresent();
			assertThat(this.sessions.deleteExpired(now, 10)).isEqualTo(1);
			assertThat(this.sessions.find("ends-now")).isPresent();
			assertThat(this.sessions.deleteExpired(now, 10)).isZero();
		}

		@Test
		void findRevokedSinceThenRevokedStrictlyAfter() {
			save("s1", this.alice, T0, Duration.ofDays(1));
			save("s2", this.alice, T0, Duration.ofDays(1));
			save("s3", this.bob, T0, Duration.ofDays(1));
			this.sessions.revoke(this.alice, "s1", null, T0.plusSeconds(10));
			this.sessions.revoke(this.alice, "s2", null, T0.plusSeconds(20));

			assertThat(this.sessions.findRevokedSince(T0.plusSeconds(10))).containsExactly("s2");
			assertThat(this.sessions.findRevokedSince(T0)).containsExactlyInAnyOrder("s1", "s2");
		}

	}

	@Nested
	class InMemory extends Contract {

		private long ids;

		@Override
		SessionRepository create() {
			return new InMemorySessionRepository();
		}

		@Override
		long user(String username) {
			return ++this.ids;
		}

	}

	@Nested
	class Jdbc extends Contract {

		private final DataSource dataSource = TestDatabases.migrated();

		@Override
		SessionRepository create() {
			return new JdbcSessionRepository(JdbcClient.create(this.dataSource));
		}

		@Override
		long user(String username) {
			return TestDatabases.insertUser(this.dataSource, username);
		}

	}

}
