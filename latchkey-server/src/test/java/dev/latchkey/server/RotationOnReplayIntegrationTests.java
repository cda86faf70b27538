package dev.latchkey.server;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The transcripts recorded with {@code ROTATE_REFRESH_TOKENS} and {@code BLACKLIST_AFTER_ROTATION},
 * against Latchkey's defaults with the grace period at 0 (SimpleJWT has none: a rotated-out token
 * is refused at once).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:replay-on;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"latchkey.jwt.signing-key=replay-test-signing-key-0123456789abcdef0123",
				"latchkey.sessions.grace-period=0s" })
class RotationOnReplayIntegrationTests extends AbstractReferenceReplayIntegrationTests {

	static Stream<String> scenarios() {
		return recordedWithRotation(true);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void replayAnswersAsTheRecordedDjangoSystem(String scenario) {
		replay(scenario);
	}

}
