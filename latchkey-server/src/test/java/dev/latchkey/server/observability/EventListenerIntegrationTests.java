package dev.latchkey.server.observability;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.LatchkeyEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications hear sign-ups and logins through {@link dev.latchkey.audit.LatchkeyEventListener}
 * beans, and one that throws breaks nothing.
 */
class EventListenerIntegrationTests extends AbstractObservabilityIntegrationTests {

	@Test
	void signUpWhenAnEarlierListenerFailsThenCreatedAndTheNextListenerHearsTheEvent() {
		String username = ObservabilityClient.uniqueUsername();
		HttpResponse<String> response = client().postJson("/api/auth/signup/",
				Map.of("username", username, "password", ObservabilityClient.PASSWORD));

		assertThat(response.statusCode()).isEqualTo(201);
		long userId = ObservabilityClient.json(response).get("user").get("id").asLong();
		assertThat(ApplicationListeners.recorded).filteredOn((event) -> event.type() == AuditEvent.SIGN_UP)
			.filteredOn((event) -> event.userId() == userId)
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.ip()).isEqualTo("127.0.0.1");
				assertThat(event.userAgent()).isEqualTo("observability-test");
				assertThat(event.outcome()).isEqualTo("ok");
				assertThat(event.at()).isNotNull();
			});
	}

	@Test
	void loginWhenPasswordWrongThenFailureEventWithoutUserIdAndLoginWhenRightThenSuccessEvent() {
		String username = ObservabilityClient.uniqueUsername();
		long userId = ObservabilityClient.json(client().postJson("/api/auth/signup/",
				Map.of("username", username, "password", ObservabilityClient.PASSWORD)))
			.get("user")
			.get("id")
			.asLong();
		int before = ApplicationListeners.recorded.size();

		assertThat(client().login(username, "not-the-password").statusCode()).isEqualTo(401);
		assertThat(client().login(username, ObservabilityClient.PASSWORD).statusCode()).isEqualTo(200);

		assertThat(ApplicationListeners.recorded.subList(before, ApplicationListeners.recorded.size())).map(LatchkeyEvent::type)
			.containsSubsequence(AuditEvent.LOGIN_FAILED, AuditEvent.LOGIN_SUCCEEDED);
		assertThat(ApplicationListeners.recorded.subList(before, ApplicationListeners.recorded.size()))
			.filteredOn((event) -> event.type() == AuditEvent.LOGIN_FAILED)
			.allSatisfy((event) -> assertThat(event.userId()).isNull());
		assertThat(ApplicationListeners.recorded.subList(before, ApplicationListeners.recorded.size()))
			.filteredOn((event) -> event.type() == AuditEvent.LOGIN_SUCCEEDED)
			.anySatisfy((event) -> assertThat(event.userId()).isEqualTo(userId));
	}

}
