package dev.latchkey.token;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.latchkey.testing.InMemorySessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-user session limit: a new session ends the oldest live ones beyond it, of that user only. */
class SessionLimitTests {

	private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

	private final InMemorySessionRepository sessions = new InMemorySessionRepository();

	private static Session session(String id, long userId, int second) {
		Instant at = T0.plusSeconds(second);
		return new Session(id, userId, at, at, at.plusSeconds(86_400), null, new ClientInfo("agent", "127.0.0.1"));
	}

	@Test
	void saveWhenMoreThanLimitThenOldestEndedAndListBounded() {
		SessionRepository limited = SessionLimit.wrap(this.sessions, 3);
		limited.save(session("other", 2, 0));
		for (int i = 1; i <= 5000; i++) {
			limited.save(session("s" + i, 1, i));
			assertThat(limited.findLive(1, T0.plusSeconds(i))).hasSizeLessThanOrEqualTo(3);
		}
		assertThat(limited.findLive(1, T0.plusSeconds(5000))).extracting(Session::id).containsExactly("s4998", "s4999", "s5000");
		assertThat(this.sessions.find("s1").orElseThrow().isRevoked()).isTrue();
		assertThat(limited.findLive(2, T0.plusSeconds(5000))).extracting(Session::id).containsExactly("other");
	}

	@Test
	void wrapWhenNoLimitThenRepositoryItself() {
		assertThat(SessionLimit.wrap(this.sessions, 0)).isSameAs(this.sessions);
		for (int i = 1; i <= 200; i++) {
			this.sessions.save(session("s" + i, 1, i));
		}
		assertThat(this.sessions.findLive(1, T0.plusSeconds(200))).hasSize(200);
	}

}
