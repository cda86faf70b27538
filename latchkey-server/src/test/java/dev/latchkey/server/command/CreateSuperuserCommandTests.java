package dev.latchkey.server.command;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.password.Argon2Parameters;
import dev.latchkey.password.DjangoPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class CreateSuperuserCommandTests {

	static final String PASSWORD = "Sup3r-Secret-Pw!";

	@TempDir
	Path directory;

	CommandRunner runner() {
		return new CommandRunner(this.directory);
	}

	@Test
	void runWhenNoInputWithDjangoVariableThenCreatesActiveStaffSuperuser() {
		CommandRunner.Result result = runner().env("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
			.run("createsuperuser", "--noinput", "--username", "admin", "--email=admin@example.com");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).isEqualTo("Superuser created successfully." + System.lineSeparator());
		Map<String, Object> row = user("admin");
		assertThat(row).containsEntry("email", "admin@example.com")
			.containsEntry("is_active", true)
			.containsEntry("is_staff", true)
			.containsEntry("is_superuser", true);
		assertThat((String) row.get("password")).startsWith("argon2$argon2id$");
		assertThat(new DjangoPasswordEncoder(Argon2Parameters.defaults()).matches(PASSWORD, (String) row.get("password")))
			.isTrue();
	}

	@Test
	void runWhenUsernameTakenThenRefusedAndExitsOne() {
		jdbc().sql("INSERT INTO latchkey_user (username, password) VALUES ('admin', '!')").update();

		CommandRunner.Result result = runner().env("LATCHKEY_SUPERUSER_PASSWORD", PASSWORD)
			.run("createsuperuser", "--no-input", "--username", "admin");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("Error: username: That username is already taken.");
		assertThat(userCount()).isEqualTo(1);
	}

	@Test
	void runWhenNoInputAndPasswordRejectedThenEveryProblemAndNoUser() {
		CommandRunner.Result result = runner().env("DJANGO_SUPERUSER_PASSWORD", "password")
			.run("createsuperuser", "--noinput", "--username", "bad name", "--email", "not-an-email");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("username: Enter a valid username.", "email: Enter a valid email address.",
				"password: This password is too common.");
		assertThat(userCount()).isZero();
	}

	@Test
	void runWhenNoInputWithoutPasswordVariableThenExitsOne() {
		CommandRunner.Result result = runner().run("createsuperuser", "--noinput", "--username", "admin");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("set the password in DJANGO_SUPERUSER_PASSWORD or LATCHKEY_SUPERUSER_PASSWORD");
	}

	@Test
	void runWhenNoInputWithoutUsernameThenExitsTwo() {
		CommandRunner.Result result = runner().env("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
			.run("createsuperuser", "--noinput");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("--username is required with --noinput");
	}

	@Test
	void runWhenInteractiveThenAsksAgainUntilAnswersAreAcceptable() {
		CommandRunner.Result result = runner()
			.input("bad name!", "root", "root@example.com", PASSWORD, "something else", "short", "short", PASSWORD,
					PASSWORD)
			.run("createsuperuser");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("Username: ", "Email address: ", "Password: ", "Password (again): ",
				"Superuser created successfully.");
		assertThat(result.err()).contains("Error: Enter a valid username.", "Error: Your passwords didn't match.",
				"Error: This password is too short. It must contain at least 8 characters.");
		assertThat(user("root")).containsEntry("email", "root@example.com").containsEntry("is_superuser", true);
	}

	@Test
	void runWhenInputEndsThenNothingCreatedAndExitsOne() {
		CommandRunner.Result result = runner().input("root").run("createsuperuser");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("No more input; nothing was changed.");
		assertThat(userCount()).isZero();
	}

	private Map<String, Object> user(String username) {
		return jdbc().sql("SELECT * FROM latchkey_user WHERE username = :username")
			.param("username", username)
			.query()
			.singleRow();
	}

	private long userCount() {
		return jdbc().sql("SELECT COUNT(*) FROM latchkey_user").query(Long.class).single();
	}

	private JdbcClient jdbc() {
		return runner().migratedDatabase();
	}

}
