package dev.latchkey.token;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.latchkey.TestDatabases;

/**
 * {@link RevokedSessions} on a real H2 database: revocations are answered from memory, and a list
 * not reloaded for longer than its staleness limit is not trusted (issue #13: bounded staleness
 * during a database outage).
 */
class RevokedSessionsTests {

	private final JdbcSessionRepository sessions = new JdbcSessionRepository(JdbcClient.create(TestDatabases.migrated()));

	@Test
	void isRevokedWhenMarkedThenTrueWithoutQuery() {
		RevokedSessions revoked = new RevokedSessions(this.sessions, Duration.ofMinutes(5), Clock.systemUTC());
		revoked.markRevoked("session-1");
		assertThat(revoked.isRevoked("session-1")).isTrue();
		assertThat(revoked.isRevoked("session-2")).isFalse();
		assertThat(revoked.isRevoked(null)).isFalse();
	}

	@Test
	void isRevokedWhenNotReloadedWithinStaleLimitThenFailsAsAnUnavailableDatabase() throws InterruptedException {
		RevokedSessions revoked = new RevokedSessions(this.sessions, Duration.ofMinutes(5), Duration.ofMillis(200),
				Clock.systemUTC());
		revoked.reload();
		revoked.markRevoked("session-1");
		assertThat(revoked.isRevoked("session-1")).isTrue();
		Thread.sleep(400);
		assertThatExceptionOfType(DataAccessResourceFailureException.class).isThrownBy(() -> revoked.isRevoked("session-1"));
		revoked.reload();
		assertThat(revoked.isRevoked("session-1")).as("kept through the stale period").isTrue();
		assertThat(revoked.isRevoked("session-2")).isFalse();
	}

	@Test
	void isRevokedWhenNoStaleLimitThenTrustedHoweverOld() throws InterruptedException {
		RevokedSessions revoked = new RevokedSessions(this.sessions, Duration.ofMinutes(5), Clock.systemUTC());
		Thread.sleep(50);
		assertThat(revoked.isRevoked("session-1")).isFalse();
	}

}
