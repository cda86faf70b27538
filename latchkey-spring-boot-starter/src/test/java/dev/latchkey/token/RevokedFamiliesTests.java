package dev.latchkey.token;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RevokedFamilies} on a real H2 database: revocations are answered from memory, and a list
 * not reloaded for longer than its staleness limit is not trusted (issue #13: bounded staleness
 * during a database outage).
 */
class RevokedFamiliesTests {

	private final JdbcTokenFamilyRepository families = new JdbcTokenFamilyRepository(JdbcClient.create(database()));

	@Test
	void isRevokedWhenMarkedThenTrueWithoutQuery() {
		RevokedFamilies revoked = new RevokedFamilies(this.families, Duration.ofMinutes(5), Clock.systemUTC());
		revoked.markRevoked("family-1");
		assertThat(revoked.isRevoked("family-1")).isTrue();
		assertThat(revoked.isRevoked("family-2")).isFalse();
		assertThat(revoked.isRevoked(null)).isFalse();
	}

	@Test
	void isRevokedWhenNotReloadedWithinStaleLimitThenFailsAsAnUnavailableDatabase() throws InterruptedException {
		RevokedFamilies revoked = new RevokedFamilies(this.families, Duration.ofMinutes(5), Duration.ofMillis(200),
				Clock.systemUTC());
		revoked.reload();
		revoked.markRevoked("family-1");
		assertThat(revoked.isRevoked("family-1")).isTrue();
		Thread.sleep(400);
		assertThatExceptionOfType(DataAccessResourceFailureException.class).isThrownBy(() -> revoked.isRevoked("family-1"));
		revoked.reload();
		assertThat(revoked.isRevoked("family-1")).as("kept through the stale period").isTrue();
		assertThat(revoked.isRevoked("family-2")).isFalse();
	}

	@Test
	void isRevokedWhenNoStaleLimitThenTrustedHoweverOld() throws InterruptedException {
		RevokedFamilies revoked = new RevokedFamilies(this.families, Duration.ofMinutes(5), Clock.systemUTC());
		Thread.sleep(50);
		assertThat(revoked.isRevoked("family-1")).isFalse();
	}

	private static JdbcDataSource database() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:revoked-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/latchkey/migration")
			.table("latchkey_schema_history")
			.load()
			.migrate();
		return dataSource;
	}

}
