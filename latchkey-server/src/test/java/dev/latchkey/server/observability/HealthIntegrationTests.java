package dev.latchkey.server.observability;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liveness and readiness for orchestrators, open without a token, and the {@code latchkey}
 * contributor that checks the signing key.
 */
class HealthIntegrationTests extends AbstractObservabilityIntegrationTests {

	@Autowired
	@Qualifier("latchkeyHealthIndicator")
	HealthIndicator latchkeyHealth;

	@Autowired
	HealthEndpointGroups groups;

	@Test
	void probesWhenNoTokenThenUp() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> response = client().get(path, null);

			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(ObservabilityClient.json(response).get("status").asString()).as(path).isEqualTo("UP");
		}
	}

	@Test
	void latchkeyContributorWhenKeySignsAndVerifiesThenUpAndPartOfReadiness() {
		assertThat(this.latchkeyHealth.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.latchkeyHealth.health().getDetails()).isEmpty();
		assertThat(this.groups.get("readiness").isMember("latchkey")).isTrue();
		assertThat(this.groups.get("liveness").isMember("latchkey")).isFalse();
	}

}
