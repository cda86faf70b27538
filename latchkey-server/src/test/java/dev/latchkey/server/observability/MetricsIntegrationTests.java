package dev.latchkey.server.observability;

import java.net.http.HttpResponse;
import java.util.Arrays;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} counts Latchkey's events and times its password hashes, and
 * answers only to a signed-in staff user on the application's port.
 */
class MetricsIntegrationTests extends AbstractObservabilityIntegrationTests {

	@Autowired
	DataSource dataSource;

	/** The access token of a new staff user ({@code is_staff}, as createsuperuser makes). */
	String staffToken() {
		ObservabilityClient client = client();
		String username = ObservabilityClient.uniqueUsername();
		client.signUp(username);
		JdbcClient.create(this.dataSource)
			.sql("UPDATE latchkey_user SET is_staff = TRUE WHERE username = :username")
			.param("username", username)
			.update();
		return ObservabilityClient.json(client.login(username, ObservabilityClient.PASSWORD)).get("access").asString();
	}

	/** Issue #14, item 7: any signed-up user no longer reads the login-failure and lockout rates. */
	@Test
	void prometheusWhenSignedInUserIsNotStaffThenForbidden() {
		String access = client().signUp(ObservabilityClient.uniqueUsername());
		HttpResponse<String> response = client().get("/actuator/prometheus", access);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).isEqualTo("{\"detail\":\"You do not have permission to perform this action.\"}");
	}

	@Test
	void prometheusWhenNoTokenThenUnauthorized() {
		HttpResponse<String> response = client().get("/actuator/prometheus", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("Authentication credentials were not provided.");
	}

	@Test
	void prometheusWhenSignUpsAndLoginsThenCountedAndHashesTimed() {
		ObservabilityClient client = client();
		String access = staffToken();
		String before = client.get("/actuator/prometheus", access).body();

		String username = ObservabilityClient.uniqueUsername();
		client.signUp(username);
		assertThat(client.login(username, "not-the-password").statusCode()).isEqualTo(401);
		assertThat(client.login(username, ObservabilityClient.PASSWORD).statusCode()).isEqualTo(200);
		HttpResponse<String> response = client.get("/actuator/prometheus", access);

		assertThat(response.statusCode()).isEqualTo(200);
		String after = response.body();
		assertThat(value(after, "latchkey_signups_total") - value(before, "latchkey_signups_total")).isEqualTo(1);
		assertThat(value(after, "latchkey_logins_total{outcome=\"success\"")
				- value(before, "latchkey_logins_total{outcome=\"success\"")).isEqualTo(1);
		assertThat(value(after, "latchkey_logins_total{outcome=\"failure\"")
				- value(before, "latchkey_logins_total{outcome=\"failure\"")).isEqualTo(1);
		// The sign-up's hash and the two logins' checks.
		assertThat(value(after, "latchkey_hashing_duration_seconds_count")
				- value(before, "latchkey_hashing_duration_seconds_count")).isGreaterThanOrEqualTo(3);
		assertThat(after).contains("latchkey_hashing_duration_seconds_bucket{le=\"")
			.contains("latchkey_hashing_queue ", "latchkey_hashing_wait_seconds_count", "latchkey_hashing_rejected_total")
			.contains("latchkey_logins_total{outcome=\"throttled\"", "latchkey_lockouts_total",
					"latchkey_reuse_detections_total", "latchkey_logouts_total{scope=\"all\"",
					"latchkey_password_changes_total", "latchkey_refreshes_total");
	}

	/** The value of the first sample whose line starts with the given name and labels. */
	private static double value(String exposition, String sample) {
		return Arrays.stream(exposition.split("\n"))
			.filter((line) -> line.startsWith(sample + " ") || line.startsWith(sample + ",")
					|| line.startsWith(sample + "{") || line.startsWith(sample + "}"))
			.map((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No sample " + sample + " in\n" + exposition));
	}

}
