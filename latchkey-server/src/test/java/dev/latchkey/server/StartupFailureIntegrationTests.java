package dev.latchkey.server;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Start-ups that cannot work stop fast with a short, true cause and no secret (issue #13): a
 * database nobody listens on, one that accepts connections and never answers, a read-only
 * database, a signing key that is too short.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(120)
class StartupFailureIntegrationTests {

	private static final String KEY = "--latchkey.jwt.signing-key=startup-test-signing-key-0123456789abcdef0123";

	@Test
	void startWhenDatabaseRefusesConnectionsThenExitsFastWithOneLineCause(CapturedOutput output) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		long start = System.nanoTime();
		assertThatException().isThrownBy(() -> run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort
				+ "/latchkey?password=url-secret", "--spring.datasource.username=latchkey",
				"--spring.datasource.password=password-secret", KEY));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
		assertThat(output).contains("Latchkey cannot reach its database jdbc:postgresql://127.0.0.1:" + closedPort
				+ "/latchkey: ConnectException: Connection refused");
		assertThat(output).doesNotContain("\tat ").doesNotContain("url-secret").doesNotContain("password-secret");
	}

	@Test
	void startWhenDatabaseAcceptsAndNeverAnswersThenExitsWithinThirtySeconds(CapturedOutput output) throws Exception {
		try (ServerSocket silent = new ServerSocket(0)) {
			// Connections complete in the listen backlog and are never read from: a frozen server.
			long start = System.nanoTime();
			assertThatException().isThrownBy(() -> run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:"
					+ silent.getLocalPort() + "/latchkey", "--spring.datasource.username=latchkey", KEY));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
		}
		assertThat(output).contains("Latchkey cannot reach its database").doesNotContain("\tat ");
	}

	@Test
	void startWhenDatabaseIsReadOnlyThenRefusesWithClearMessage(CapturedOutput output, @TempDir Path directory)
			throws Exception {
		String url = "jdbc:h2:file:" + directory.resolve("latchkey")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		run("--spring.datasource.url=" + url, KEY).close();

		assertThatException().isThrownBy(() -> run("--spring.datasource.url=" + url + ";ACCESS_MODE_DATA=r", KEY));
		assertThat(output).contains("Latchkey cannot write to its database jdbc:h2:file:")
			.contains("The database is read only");
	}

	@Test
	void startWhenSigningKeyTooShortThenNamesThePropertyNotTheValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--spring.datasource.url=jdbc:h2:mem:startup_key",
				"--latchkey.jwt.signing-key=short-Secret-Value"));
		assertThat(output).contains("latchkey.jwt.signing-key").contains("at least 32 bytes")
			.doesNotContain("short-Secret-Value");
	}

	private static org.springframework.context.ConfigurableApplicationContext run(String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--spring.main.banner-mode=off";
		System.arraycopy(args, 0, all, 2, args.length);
		return new SpringApplicationBuilder(LatchkeyServerApplication.class).run(all);
	}

}
