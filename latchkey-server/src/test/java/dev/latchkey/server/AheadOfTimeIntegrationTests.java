package dev.latchkey.server;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.aot.AheadOfTimeGuard;
import dev.latchkey.server.aot.BuildProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as {@code main} starts it, on its runtime class path, on the bean definitions
 * {@code process-aot} generated in this build (before the tests): on them when its configuration is the build's, on the usual
 * condition evaluation when a property the conditions read has another value, which then takes
 * effect ({@link AheadOfTimeGuard}).
 */
@Timeout(240)
class AheadOfTimeIntegrationTests {

	private static final String PASSWORD = "Str0ng-Passw0rd!";

	@TempDir
	Path directory;

	@Test
	void buildRecordedTheConsultedPropertiesWithoutTheirValues() throws Exception {
		String recorded = new String(getClass().getClassLoader().getResourceAsStream(BuildProperties.RESOURCE)
			.readAllBytes());

		assertThat(recorded).as("written by process-aot, which Maven runs before the tests")
			.contains("latchkey.mfa.enabled=", "latchkey.passkeys.enabled=", "spring.datasource.url=")
			.doesNotContain("jdbc:h2");
	}

	@Test
	void theBuildsConfigurationStartsOnTheGeneratedDefinitions() throws Exception {
		try (ChildServer server = ChildServer.startOnRuntimeClassPath(this.directory, "aot")) {
			assertThat(server.log()).contains("Starting AOT-processed LatchkeyServerApplication");
			HttpApi api = server.api();
			assertThat(api.signUp("aot_user", PASSWORD).status()).isEqualTo(201);
			String access = api.login("aot_user", PASSWORD).json().get("access").asString();
			assertThat(api.get("/api/auth/user/", access).json().get("username").asString()).isEqualTo("aot_user");
			assertThat(api.get("/api/auth/mfa/", access).status()).as("MFA is on in the build's configuration")
				.isEqualTo(200);
		}
	}

	@Test
	void aChangedPropertyStartsOnTheUsualConditionsAndTakesEffect() throws Exception {
		try (ChildServer server = ChildServer.startOnRuntimeClassPath(this.directory, "changed",
				"--latchkey.mfa.enabled=false")) {
			assertThat(server.log()).doesNotContain("AOT-processed")
				.contains("Starting without the bean definitions prepared at build time (Spring AOT): [latchkey.mfa.enabled]");
			HttpApi api = server.api();
			assertThat(api.signUp("usual_user", PASSWORD).status()).isEqualTo(201);
			String access = api.login("usual_user", PASSWORD).json().get("access").asString();
			assertThat(api.get("/api/auth/mfa/", access).status()).as("MFA switched off").isEqualTo(404);
		}
	}

}
