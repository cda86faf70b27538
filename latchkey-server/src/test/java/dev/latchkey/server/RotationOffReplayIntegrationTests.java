package dev.latchkey.server;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The transcripts recorded with SimpleJWT's defaults (no rotation, no blacklist after rotation),
 * against Latchkey configured the same way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:replay-off;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"latchkey.jwt.signing-key=replay-test-signing-key-0123456789abcdef0123",
				"latchkey.jwt.rotate-refresh-tokens=false", "latchkey.jwt.blacklist-after-rotation=false" })
class RotationOffReplayIntegrationTests extends AbstractReferenceReplayIntegrationTests {

	static Stream<String> scenarios() {
		return recordedWithRotation(false);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void replayAnswersAsTheRecordedDjangoSystem(String scenario) {
		replay(scenario);
	}

}
