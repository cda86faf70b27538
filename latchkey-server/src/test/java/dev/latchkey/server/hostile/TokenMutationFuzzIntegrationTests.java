package dev.latchkey.server.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random mutations of real, valid tokens (and random bytes) over HTTP: never a 5xx, and never a
 * 200 for a mutant unless it is the same token in another spelling (see
 * {@link TokenMutator#sameToken}). A seeded {@link java.util.Random} loop rather than jqwik: the
 * server under test lives in a Spring test context that jqwik's lifecycle does not drive (it would
 * need jqwik-spring), and a fixed seed keeps every run reproducible ({@code -Dhostile.seed=N}
 * explores others).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenMutationFuzzIntegrationTests extends HostileServerTestBase {

	static final long SEED = Long.getLong("hostile.seed", 0x1A7C_4E1L);

	static final int ITERATIONS = 150;

	private JsonNode user;

	private JsonNode other;

	@BeforeAll
	void signUpTwoUsers() {
		this.user = signUp(http(), uniqueUsername());
		this.other = signUp(http(), uniqueUsername());
	}

	@ParameterizedTest(name = "{0} · " + ITERATIONS + " seeded mutants of a valid token: never a 5xx, never accepted unless the same token", quoteTextArguments = false)
	@EnumSource(value = TokenEndpoint.class, names = { "API_BEARER", "VERIFY" })
	void mutantsNeverAcceptedNorAServerError(TokenEndpoint endpoint) {
		String original = this.user.path("token").path("access").asString();
		String spliceSource = this.other.path("token").path("access").asString();
		endpoint.assertAccepted(http().send(endpoint.request(original)), this.user.path("user").path("id").asLong());

		TokenMutator mutator = new TokenMutator(SEED + endpoint.ordinal());
		Map<String, Integer> outcomes = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < ITERATIONS; i++) {
			TokenMutator.Mutant mutant = mutator.mutate(original, spliceSource);
			// A header value cannot hold a line break: that would be another header, not this token.
			String token = endpoint.isApi() ? mutant.token().replace("\r", "").replace("\n", "") : mutant.token();
			RawHttp.Response response = http().send(endpoint.request(token));
			String outcome = response.status() + (token.equals(original) || TokenMutator.sameToken(original, token) ? " (same token)" : "");
			outcomes.merge(mutant.kind() + " -> " + outcome, 1, Integer::sum);
			if (response.status() >= 500) {
				failures.add("#" + i + " " + mutant.kind() + " gave a " + response.status() + ": " + printable(token));
			}
			else if (response.status() == 200 && !TokenMutator.sameToken(original, token)) {
				failures.add("#" + i + " " + mutant.kind() + " was ACCEPTED: " + printable(token));
			}
			else if (response.status() == 401) {
				try {
					HostileAssertions.jsonErrorBody(response);
				}
				catch (AssertionError ex) {
					failures.add("#" + i + " " + mutant.kind() + ": " + ex.getMessage());
				}
			}
		}
		System.out.println(endpoint.label() + ", seed " + SEED + ": " + outcomes);
		assertThat(failures).as("seed %d, outcomes %s", SEED, outcomes).isEmpty();
	}

	private static String printable(String token) {
		StringBuilder text = new StringBuilder();
		token.chars().forEach((c) -> text.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04x", c)));
		return text.toString();
	}

}
