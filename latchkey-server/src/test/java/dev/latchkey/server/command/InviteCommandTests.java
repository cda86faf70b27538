package dev.latchkey.server.command;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class InviteCommandTests {

	@TempDir
	Path directory;

	@Test
	void runWhenAddressGivenThenInvitationStoredHashedAndMailQueued() {
		CommandRunner runner = new CommandRunner(this.directory);
		JdbcClient jdbc = runner.migratedDatabase();

		CommandRunner.Result result = runner.run("invite", "--email", "dora@example.com",
				"--latchkey.account.site-url=https://auth.example.com", "--latchkey.mail.poll-interval=1h");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("Invitation for dora@example.com queued; it expires ");
		assertThat(jdbc.sql("SELECT email FROM latchkey_invitation").query(String.class).list())
			.containsExactly("dora@example.com");
		List<String> bodies = jdbc.sql("SELECT text_body FROM latchkey_mail_outbox WHERE recipient = 'dora@example.com'")
			.query(String.class)
			.list();
		assertThat(bodies).hasSize(1);
		String key = bodies.get(0).replaceAll("(?s).*https://auth\\.example\\.com/#/sign-up/([^/\\s]+)/.*", "$1");
		assertThat(key).matches("[0-9]+-[\\w-]{43}");
		String keyHash = jdbc.sql("SELECT key_hash FROM latchkey_invitation").query(String.class).single();
		assertThat(keyHash).hasSize(64).doesNotContain(key.substring(key.indexOf('-') + 1));
	}

	@Test
	void runWhenAddressInvalidThenUsageError() {
		CommandRunner.Result result = new CommandRunner(this.directory).run("invite", "--email", "not-an-address");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("not a valid email address");
	}

}
