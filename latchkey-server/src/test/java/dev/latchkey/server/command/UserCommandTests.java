package dev.latchkey.server.command;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class UserCommandTests {

	@TempDir
	Path directory;

	private JdbcClient jdbc;

	@BeforeEach
	void aliceWithASession() {
		this.jdbc = new CommandRunner(this.directory).migratedDatabase();
		this.jdbc.sql("INSERT INTO latchkey_user (id, username, name, password) VALUES (1, 'alice', 'Alice', '!unusable')")
			.update();
		Instant now = Instant.now();
		this.jdbc.sql("""
				INSERT INTO latchkey_session (id, user_id, created_at, last_used_at, expires_at)
				VALUES ('session', 1, :now, :now, :expires)""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("expires", now.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
			.update();
	}

	@Test
	void runWhenStaffThenOnlyStaffFlagChanges() {
		CommandRunner.Result result = new CommandRunner(this.directory).run("user", "set", "alice", "--staff");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("User 'alice': staff=true superuser=false active=true");
		assertThat(flags()).containsEntry("is_staff", true).containsEntry("is_superuser", false)
			.containsEntry("is_active", true);
		assertThat(revokedAt()).isNull();
	}

	@Test
	void runWhenInactiveThenDeactivatedAndEverySessionEnded() {
		CommandRunner.Result result = new CommandRunner(this.directory).run("user", "set", "alice", "--inactive",
				"--superuser");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("superuser=true active=false; 1 sessions ended.");
		assertThat(flags()).containsEntry("is_active", false).containsEntry("is_superuser", true);
		assertThat(revokedAt()).isNotNull();
	}

	@Test
	void runWhenContradictoryFlagsThenExitsTwoAndChangesNothing() {
		CommandRunner.Result result = new CommandRunner(this.directory).run("user", "set", "alice", "--staff",
				"--no-staff");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("--staff and --no-staff exclude each other");
		assertThat(flags()).containsEntry("is_staff", false);
	}

	@Test
	void runWhenUnknownUserThenExitsOne() {
		CommandRunner.Result result = new CommandRunner(this.directory).run("user", "set", "nobody", "--staff");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("user 'nobody' does not exist");
	}

	private Map<String, Object> flags() {
		return this.jdbc.sql("SELECT is_staff, is_superuser, is_active FROM latchkey_user WHERE id = 1").query().singleRow();
	}

	private Object revokedAt() {
		return this.jdbc.sql("SELECT revoked_at FROM latchkey_session").query().singleRow().get("revoked_at");
	}

}
