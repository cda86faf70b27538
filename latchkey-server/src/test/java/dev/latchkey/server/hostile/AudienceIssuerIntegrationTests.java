package dev.latchkey.server.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.latchkey.server.hostile.Forge.Claims;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code latchkey.jwt.audience} and {@code latchkey.jwt.issuer} set, a token must name exactly
 * this audience (alone or in an array) and this issuer: a token for another audience or issuer,
 * or without one, is refused at the API, at refresh and at verify, even when correctly signed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:hostile_aud;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=" + AudienceIssuerIntegrationTests.SIGNING_KEY,
				"latchkey.jwt.audience=" + AudienceIssuerIntegrationTests.AUDIENCE,
				"latchkey.jwt.issuer=" + AudienceIssuerIntegrationTests.ISSUER,
				"latchkey.throttle.sign-ups-per-window=100000" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudienceIssuerIntegrationTests {

	static final String SIGNING_KEY = "hostile-audience-signing-key-0123456789abcdef0123456789";

	static final byte[] KEY = SIGNING_KEY.getBytes(StandardCharsets.UTF_8);

	static final String AUDIENCE = "latchkey-api";

	static final String ISSUER = "https://issuer.example";

	private static final String AUD = Claims.quote(AUDIENCE);

	private static final String ISS = Claims.quote(ISSUER);

	@LocalServerPort
	int port;

	private long userId;

	private JsonNode signedUp;

	@BeforeAll
	void signUp() {
		this.signedUp = HostileServerTestBase.signUp(new RawHttp(this.port), HostileServerTestBase.uniqueUsername());
		this.userId = this.signedUp.path("user").path("id").asLong();
	}

	static Stream<Arguments> wrongAudienceOrIssuer() {
		List<Arguments> cases = new ArrayList<>();
		add(cases, "aud another API", (c) -> c.set("aud", "\"other-api\"").set("iss", ISS));
		add(cases, "aud missing", (c) -> c.set("iss", ISS));
		add(cases, "aud null", (c) -> c.set("aud", "null").set("iss", ISS));
		add(cases, "aud an array without ours", (c) -> c.set("aud", "[\"other-api\",\"billing\"]").set("iss", ISS));
		add(cases, "aud an empty array", (c) -> c.set("aud", "[]").set("iss", ISS));
		add(cases, "aud upper-case", (c) -> c.set("aud", "\"LATCHKEY-API\"").set("iss", ISS));
		add(cases, "aud with a trailing space", (c) -> c.set("aud", "\"latchkey-api \"").set("iss", ISS));
		add(cases, "aud a prefix of ours", (c) -> c.set("aud", "\"latchkey\"").set("iss", ISS));
		add(cases, "aud an object holding ours", (c) -> c.set("aud", "{\"aud\":" + AUD + "}").set("iss", ISS));
		add(cases, "aud an array nesting ours", (c) -> c.set("aud", "[[" + AUD + "]]").set("iss", ISS));
		add(cases, "iss another issuer", (c) -> c.set("aud", AUD).set("iss", "\"https://evil.example\""));
		add(cases, "iss missing", (c) -> c.set("aud", AUD));
		add(cases, "iss null", (c) -> c.set("aud", AUD).set("iss", "null"));
		add(cases, "iss with a trailing slash", (c) -> c.set("aud", AUD).set("iss", "\"https://issuer.example/\""));
		add(cases, "iss upper-case host", (c) -> c.set("aud", AUD).set("iss", "\"https://ISSUER.example\""));
		add(cases, "iss an array holding ours", (c) -> c.set("aud", AUD).set("iss", "[" + ISS + "]"));
		add(cases, "aud and iss missing (a token of a deployment without them)", (c) -> c);
		add(cases, "aud and iss swapped", (c) -> c.set("aud", ISS).set("iss", AUD));
		add(cases, "duplicate aud (another first, ours last)", (c) -> c.set("aud", "\"other-api\"").set("iss", ISS).append("\"aud\":" + AUD));
		add(cases, "duplicate iss (evil first, ours last)", (c) -> c.set("aud", AUD).set("iss", "\"https://evil.example\"").append("\"iss\":" + ISS));
		return cases.stream();
	}

	private static void add(List<Arguments> cases, String name, UnaryOperator<Claims> claims) {
		for (TokenEndpoint endpoint : TokenEndpoint.values()) {
			cases.add(Arguments.of(endpoint.label() + " · " + name + ", signed with the real key", endpoint, claims));
		}
	}

	@ParameterizedTest(name = "{0}", quoteTextArguments = false)
	@MethodSource("wrongAudienceOrIssuer")
	void wrongAudienceOrIssuerRefused(String name, TokenEndpoint endpoint, UnaryOperator<Claims> claims) {
		String token = Forge.signed(KEY, claims.apply(Claims.standard(endpoint.tokenType(), this.userId)).json());
		RawHttp.Response response = new RawHttp(this.port).send(endpoint.request(token));
		HostileAssertions.named(name, () -> endpoint.assertTokenRefused(response));
	}

	@ParameterizedTest(name = "control · {0} · right aud and iss accepted", quoteTextArguments = false)
	@EnumSource(TokenEndpoint.class)
	void rightAudienceAndIssuerAccepted(TokenEndpoint endpoint) {
		String token = Forge.signed(KEY, Claims.standard(endpoint.tokenType(), this.userId).set("aud", AUD).set("iss", ISS).json());
		endpoint.assertAccepted(new RawHttp(this.port).send(endpoint.request(token)), this.userId);
	}

	@ParameterizedTest(name = "control · {0} · aud an array holding ours accepted", quoteTextArguments = false)
	@EnumSource(TokenEndpoint.class)
	void audienceArrayHoldingOursAccepted(TokenEndpoint endpoint) {
		String token = Forge.signed(KEY, Claims.standard(endpoint.tokenType(), this.userId)
			.set("aud", "[\"other-api\"," + AUD + "]").set("iss", ISS).json());
		endpoint.assertAccepted(new RawHttp(this.port).send(endpoint.request(token)), this.userId);
	}

	@ParameterizedTest(name = "control · {0} · server-issued token carries aud and iss and is accepted", quoteTextArguments = false)
	@EnumSource(value = TokenEndpoint.class, names = { "API_BEARER", "VERIFY" })
	void serverIssuedTokenCarriesAudienceAndIssuer(TokenEndpoint endpoint) {
		String access = this.signedUp.path("token").path("access").asString();
		JsonNode payload = HostileAssertions.JSON.readTree(Forge.payloadJson(access));
		assertThat(payload.path("aud").asString()).isEqualTo(AUDIENCE);
		assertThat(payload.path("iss").asString()).isEqualTo(ISSUER);
		endpoint.assertAccepted(new RawHttp(this.port).send(endpoint.request(access)), this.userId);
	}

}
