package dev.latchkey.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server on its default embedded H2 database, killed with {@code kill -9}
 * ({@link Process#destroyForcibly()}) right after acknowledged writes, then started again on the
 * same folder: every acknowledged sign-up, password change and revocation is there (issue #13;
 * H2's default write delay lost them). The server runs as a child JVM, with the working
 * directory a fresh folder so its default {@code ./data} is used, as an operator would run it.
 */
@Timeout(180)
class H2CrashDurabilityIntegrationTests {

	private static final String PASSWORD = "Str0ng-Passw0rd!";

	private static final String NEW_PASSWORD = "N3w-Passw0rd!x";

	@TempDir
	Path directory;

	private final List<ChildServer> servers = new ArrayList<>();

	@AfterEach
	void stopServers() throws InterruptedException {
		for (ChildServer server : this.servers) {
			server.close();
		}
	}

	@Test
	void killedRightAfterAcknowledgedWritesThenRestartFindsEveryOne() throws Exception {
		HttpApi api = start("first");
		List<String> signedUp = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			signedUp.add(signUp(api));
		}
		String changer = signUp(api);
		String changerAccess = api.login(changer, PASSWORD).json().get("access").asString();
		HttpApi.Response changed = api.send("POST", "/api/auth/password/change/",
				Map.of("Content-Type", "application/json", "Authorization", "Bearer " + changerAccess),
				("{\"old_password\":\"" + PASSWORD + "\",\"new_password1\":\"" + NEW_PASSWORD + "\",\"new_password2\":\""
						+ NEW_PASSWORD + "\"}").getBytes());
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		List<Map<String, String>> revoked = new ArrayList<>();
		for (String username : signedUp) {
			HttpApi.Response login = api.login(username, PASSWORD);
			Map<String, String> pair = Map.of("access", login.json().get("access").asString(), "refresh",
					login.json().get("refresh").asString());
			assertThat(api.postJson("/api/auth/logout/", Map.of("refresh", pair.get("refresh"))).status()).isEqualTo(200);
			revoked.add(pair);
		}
		String last = signUp(api);
		assertThat(this.servers.get(0).kill()).isTrue();

		HttpApi restarted = start("second");
		for (String username : signedUp) {
			assertThat(restarted.login(username, PASSWORD).status()).as("sign-up of %s", username).isEqualTo(200);
		}
		assertThat(restarted.login(last, PASSWORD).status()).as("the last sign-up before the kill").isEqualTo(200);
		assertThat(restarted.login(changer, NEW_PASSWORD).status()).as("password change").isEqualTo(200);
		for (Map<String, String> pair : revoked) {
			assertThat(restarted.postJson("/api/token/refresh/", Map.of("refresh", pair.get("refresh"))).status())
				.as("revoked refresh token").isEqualTo(401);
			HttpApi.Response access = AbstractJourneyIntegrationTests.within(Duration.ofSeconds(2),
					() -> restarted.get("/api/auth/user/", pair.get("access")), (r) -> r.status() == 401);
			assertThat(access.status()).as("access token of a revoked session").isEqualTo(401);
		}
	}

	private static String signUp(HttpApi api) {
		String username = AbstractJourneyIntegrationTests.uniqueUsername();
		assertThat(api.signUp(username, PASSWORD).status()).isEqualTo(201);
		return username;
	}


	/** The server on the default configuration. */
	private HttpApi start(String name) throws IOException, InterruptedException {
		ChildServer server = ChildServer.start(this.directory, name, "--spring.main.banner-mode=off");
		this.servers.add(server);
		return server.api();
	}

}
