package dev.latchkey.server.command;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class FlushExpiredTokensCommandTests {

	@TempDir
	Path directory;

	@Test
	void runWhenExpiredAndLiveTokensThenDeletesTheExpiredOnesAndSaysHowMany() {
		CommandRunner runner = new CommandRunner(this.directory);
		JdbcClient jdbc = runner.migratedDatabase();
		jdbc.sql("INSERT INTO latchkey_user (id, username, password) VALUES (1, 'alice', '!')").update();
		Instant now = Instant.now();
		session(jdbc, "old", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(10)));
		session(jdbc, "live", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));

		CommandRunner.Result result = runner.run("flushexpiredtokens");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).isEqualTo("Deleted 1 expired refresh tokens." + System.lineSeparator());
		assertThat(jdbc.sql("SELECT jti FROM latchkey_outstanding_token").query(String.class).list())
			.containsExactly("live-token");
		assertThat(jdbc.sql("SELECT id FROM latchkey_session").query(String.class).list()).containsExactly("live");
	}

	private static void session(JdbcClient jdbc, String id, Instant created, Instant expires) {
		jdbc.sql("""
				INSERT INTO latchkey_session (id, user_id, created_at, last_used_at, expires_at)
				VALUES (:id, 1, :created, :created, :expires)""")
			.param("id", id)
			.param("created", created.atOffset(ZoneOffset.UTC))
			.param("expires", expires.atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("""
				INSERT INTO latchkey_outstanding_token (jti, user_id, session_id, created_at, expires_at)
				VALUES (:jti, 1, :id, :created, :expires)""")
			.param("jti", id + "-token")
			.param("id", id)
			.param("created", created.atOffset(ZoneOffset.UTC))
			.param("expires", expires.atOffset(ZoneOffset.UTC))
			.update();
	}

}
