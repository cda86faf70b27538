package dev.latchkey.server.observability;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code logging.structured.format.console=ecs} every audit line is one JSON object whose
 * fields are the event's: what a log pipeline indexes without parsing a message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.datasource.url=jdbc:h2:mem:structured-logging;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=structured-logging-test-signing-key-0123456789",
				"logging.structured.format.console=ecs" })
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void signUpWhenEcsConsoleLoggingThenAuditLineIsJsonWithTheEventFields(CapturedOutput output) {
		String username = ObservabilityClient.uniqueUsername();
		long userId = ObservabilityClient.json(new ObservabilityClient(this.port).postJson("/api/auth/signup/",
				Map.of("username", username, "password", ObservabilityClient.PASSWORD)))
			.get("user")
			.get("id")
			.asLong();

		JsonNode line = Arrays.stream(output.getOut().split("\\R"))
			.filter((text) -> text.startsWith("{") && text.contains("\"latchkey.audit\""))
			.map(ObservabilityClient.JSON::readTree)
			.filter((json) -> json.path("user_id").asLong(-1) == userId)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No JSON audit line for user " + userId + " in\n" + output));
		assertThat(line.get("log").get("logger").asString()).isEqualTo("latchkey.audit");
		assertThat(line.get("event").asString()).isEqualTo("sign_up");
		assertThat(line.get("ip").asString()).isEqualTo("127.0.0.1");
		assertThat(line.get("user_agent").asString()).isEqualTo("observability-test");
		assertThat(line.get("outcome").asString()).isEqualTo("ok");
		assertThat(output.getOut()).doesNotContain(ObservabilityClient.PASSWORD);
	}

}
