package dev.latchkey.server.command;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.password.Argon2Parameters;
import dev.latchkey.password.DjangoPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ChangePasswordCommandTests {

	static final String NEW_PASSWORD = "N3w-Passw0rd-for-Alice";

	@TempDir
	Path directory;

	JdbcClient jdbc;

	@BeforeEach
	void aliceWithUnusablePasswordAndALiveSession() {
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
	void runWhenNoInputThenStoresNewHashAndEndsEverySession() {
		CommandRunner.Result result = new CommandRunner(this.directory).env("LATCHKEY_NEW_PASSWORD", NEW_PASSWORD)
			.run("changepassword", "alice", "--noinput");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("Password changed successfully for user 'alice'; 1 sessions ended.");
		assertThat(new DjangoPasswordEncoder(Argon2Parameters.defaults()).matches(NEW_PASSWORD, hash())).isTrue();
		assertThat(this.jdbc.sql("SELECT revoked_at FROM latchkey_session").query().singleValue()).isNotNull();
	}

	@Test
	void runWhenNoInputThenLogLinesGoToStderrAndStdoutHoldsOnlyTheResult(CapturedOutput output) {
		CommandRunner.Result result = new CommandRunner(this.directory).env("LATCHKEY_NEW_PASSWORD", NEW_PASSWORD)
			.run("changepassword", "alice", "--noinput");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(output.getErr()).contains("audit event=password_changed");
		assertThat(output.getOut()).doesNotContain("audit event=");
	}

	@Test
	void runWhenLatchkeyPasswordVariableSetThenExitsTwoNamingTheVariableToUse() {
		CommandRunner.Result result = new CommandRunner(this.directory).env("LATCHKEY_PASSWORD", NEW_PASSWORD)
			.run("changepassword", "alice", "--noinput");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("LATCHKEY_PASSWORD is read as the latchkey.password settings",
				"LATCHKEY_NEW_PASSWORD");
		assertThat(hash()).isEqualTo("!unusable");
	}

	@Test
	void runWhenInteractiveThenAsksAgainAfterARejectedPassword() {
		CommandRunner.Result result = new CommandRunner(this.directory)
			.input("alice123", "alice123", NEW_PASSWORD, NEW_PASSWORD)
			.run("changepassword", "alice");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("Changing password for user 'alice'", "Password: ", "Password (again): ");
		assertThat(result.err()).contains("Error: The password is too similar to the username.");
		assertThat(new DjangoPasswordEncoder(Argon2Parameters.defaults()).matches(NEW_PASSWORD, hash())).isTrue();
	}

	@Test
	void runWhenNoInputAndPasswordRejectedThenUnchangedAndExitsOne() {
		CommandRunner.Result result = new CommandRunner(this.directory).env("LATCHKEY_NEW_PASSWORD", "12345678")
			.run("changepassword", "alice", "--noinput");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("password: This password is too common.",
				"password: This password is entirely numeric.");
		assertThat(hash()).isEqualTo("!unusable");
	}

	@Test
	void runWhenUnknownUserThenExitsOne() {
		CommandRunner.Result result = new CommandRunner(this.directory).env("LATCHKEY_NEW_PASSWORD", NEW_PASSWORD)
			.run("changepassword", "nobody", "--noinput");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("Error: user 'nobody' does not exist");
	}

	@Test
	void runWhenNoUsernameThenExitsTwo() {
		CommandRunner.Result result = new CommandRunner(this.directory).run("changepassword");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("the username is required");
	}

	private String hash() {
		return this.jdbc.sql("SELECT password FROM latchkey_user WHERE id = 1").query(String.class).single();
	}

}
