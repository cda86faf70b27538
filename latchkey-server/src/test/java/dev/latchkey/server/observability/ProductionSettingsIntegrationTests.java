package dev.latchkey.server.observability;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production recipe of the README's Operations section: the management endpoints on their
 * own (internal) port, where Prometheus scrapes without a token, and the API documentation
 * switched off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.datasource.url=jdbc:h2:mem:production-settings;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=production-settings-test-signing-key-0123456789", "management.server.port=0",
				"latchkey.web.permit-all=/actuator/health,/actuator/health/**,/actuator/prometheus,/v3/api-docs/**,/swagger-ui.html",
				"springdoc.api-docs.enabled=false", "springdoc.swagger-ui.enabled=false" })
class ProductionSettingsIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void prometheusWhenOnTheManagementPortThenScrapedWithoutTokenAndAbsentFromTheApplicationPort() {
		ObservabilityClient management = new ObservabilityClient(this.managementPort);

		assertThat(management.get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
		assertThat(management.get("/actuator/prometheus", null).body()).contains("latchkey_logins_total");
		assertThat(management.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		assertThat(new ObservabilityClient(this.port).get("/actuator/prometheus", null).statusCode()).isEqualTo(404);
	}

	@Test
	void apiDocsWhenSwitchedOffThenNotFound() {
		ObservabilityClient client = new ObservabilityClient(this.port);

		assertThat(client.get("/v3/api-docs", null).statusCode()).isEqualTo(404);
		assertThat(client.get("/swagger-ui.html", null).statusCode()).isEqualTo(404);
	}

}
