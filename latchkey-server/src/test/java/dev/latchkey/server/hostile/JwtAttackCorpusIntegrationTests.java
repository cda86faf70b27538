package dev.latchkey.server.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.latchkey.server.hostile.Forge.Claims;

import static dev.latchkey.server.hostile.Forge.b64;
import static dev.latchkey.server.hostile.Forge.header;
import static dev.latchkey.server.hostile.Forge.parts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, part 4: every attack of the OWASP JWT cheat sheet (and RFC 8725's list) against the
 * three places a token is presented: the authenticated API (Bearer header and access cookie),
 * {@code /api/token/refresh/} and {@code /api/token/verify/}. Each attack is one named case per
 * endpoint; every one must be refused with SimpleJWT's 401, as JSON, never a 5xx.
 *
 * <p>Correctly signed tokens are minted with this context's key through Nimbus, so that the only
 * thing wrong with a token is its attack; where a forged token names a user, that user exists (an
 * attacker and a victim sign up first), so an acceptance would show as a 200. The controls at the end
 * prove the minting is right: the same token without the attack is accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAttackCorpusIntegrationTests extends HostileServerTestBase {

	private static final byte[] OTHER_KEY = "another-deployment-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

	private final Canary canary = new Canary();

	private Fixture fixture;

	@BeforeAll
	void signUpAttackerAndVictim() throws JOSEException {
		JsonNode attacker = signUp(http(), uniqueUsername());
		JsonNode victim = signUp(http(), uniqueUsername());
		RSAKey rsa = new RSAKeyGenerator(2048).keyID("attacker").generate();
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(rsa.toRSAPublicKey().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		this.fixture = new Fixture(attacker.path("user").path("id").asLong(), victim.path("user").path("id").asLong(),
				attacker.path("token").path("access").asString(), attacker.path("token").path("refresh").asString(), rsa,
				pem.getBytes(StandardCharsets.US_ASCII), this.canary.url());
		assertThat(this.fixture.victimId()).isNotEqualTo(this.fixture.attackerId());
	}

	@AfterAll
	void closeCanary() {
		this.canary.close();
		assertThat(this.canary.connections()).as("nothing fetched a jku/x5u URL").isZero();
	}

	static Stream<Arguments> attacks() {
		List<Arguments> cases = new ArrayList<>();
		for (Attack attack : ATTACKS) {
			for (TokenEndpoint endpoint : TokenEndpoint.values()) {
				if (!attack.notAt().contains(endpoint)) {
					cases.add(Arguments.of(endpoint.label() + " · " + attack.name(), endpoint, attack));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}", quoteTextArguments = false)
	@MethodSource("attacks")
	void attackIsRefused(String name, TokenEndpoint endpoint, Attack attack) {
		String token = attack.token().apply(this.fixture, endpoint);
		RawHttp.Response response = http().send(endpoint.request(token));
		HostileAssertions.named(name, () -> {
			if (attack.expectation() != null) {
				attack.expectation().accept(endpoint, response);
			}
			else {
				endpoint.assertTokenRefused(response);
			}
			assertThat(this.canary.connections()).as("the server fetched a URL named in a token header").isZero();
		});
	}

	@ParameterizedTest(name = "control · {0} · correctly signed minted token accepted", quoteTextArguments = false)
	@EnumSource(TokenEndpoint.class)
	void controlMintedTokenAccepted(TokenEndpoint endpoint) {
		String token = Forge.signed(KEY, Claims.standard(endpoint.tokenType(), this.fixture.attackerId()).json());
		endpoint.assertAccepted(http().send(endpoint.request(token)), this.fixture.attackerId());
	}

	@ParameterizedTest(name = "control · {0} · minted token naming the victim accepted as the victim", quoteTextArguments = false)
	@EnumSource(TokenEndpoint.class)
	void controlMintedVictimTokenAccepted(TokenEndpoint endpoint) {
		// Shows that a forged token naming the victim would have been visible as a 200.
		String token = Forge.signed(KEY, Claims.standard(endpoint.tokenType(), this.fixture.victimId()).json());
		endpoint.assertAccepted(http().send(endpoint.request(token)), this.fixture.victimId());
	}

	@ParameterizedTest(name = "control · {0} · correctly signed token with a null-valued custom claim accepted", quoteTextArguments = false)
	@EnumSource(TokenEndpoint.class)
	void controlNullValuedCustomClaimAccepted(TokenEndpoint endpoint) {
		// SimpleJWT ignores claims it does not know, whatever their value: a Django project that adds,
		// say, "email": null to its tokens must keep working during a cut-over.
		String token = Forge.signed(KEY, Claims.standard(endpoint.tokenType(), this.fixture.attackerId()).set("email", "null").json());
		endpoint.assertAccepted(http().send(endpoint.request(token)), this.fixture.attackerId());
	}

	// ---------------------------------------------------------------- the corpus

	/** What a case needs at run time: the two users, a real token pair, the attacker's keys. */
	record Fixture(long attackerId, long victimId, String realAccess, String realRefresh, RSAKey attackerRsa,
			byte[] publicKeyPem, String canaryUrl) {

		String realToken(TokenEndpoint endpoint) {
			return endpoint.tokenType().equals("refresh") ? this.realRefresh : this.realAccess;
		}

		Claims claims(TokenEndpoint endpoint) {
			return Claims.standard(endpoint.tokenType(), this.attackerId);
		}

		/** A valid token for the endpoint, signed with the real key. */
		String valid(TokenEndpoint endpoint) {
			return Forge.signed(KEY, claims(endpoint).json());
		}

	}

	/**
	 * One attack: how to build its token for an endpoint, where it does not apply, and (rarely) an
	 * expectation other than SimpleJWT's 401.
	 */
	record Attack(String name, BiFunction<Fixture, TokenEndpoint, String> token, Set<TokenEndpoint> notAt,
			BiConsumer<TokenEndpoint, RawHttp.Response> expectation) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static final List<Attack> ATTACKS = new ArrayList<>();

	private static void attack(String name, BiFunction<Fixture, TokenEndpoint, String> token) {
		ATTACKS.add(new Attack(name, token, EnumSet.noneOf(TokenEndpoint.class), null));
	}

	private static void attackExceptAt(Set<TokenEndpoint> notAt, String name, BiFunction<Fixture, TokenEndpoint, String> token) {
		ATTACKS.add(new Attack(name, token, notAt, null));
	}

	/** A claim set for the endpoint with one claim set to a raw JSON value, signed with the real key. */
	private static void signedWithClaim(String name, String claim, String rawValue) {
		attack(name, (f, e) -> Forge.signed(KEY, f.claims(e).set(claim, rawValue).json()));
	}

	private static void signedWithoutClaim(String name, String claim) {
		attack(name, (f, e) -> Forge.signed(KEY, f.claims(e).remove(claim).json()));
	}

	/** Replace a signed token's payload (and/or header) while keeping its signature. */
	private static String keepSignature(String token, String headerJson, String payloadJson) {
		String[] parts = parts(token);
		return (headerJson != null ? b64(headerJson) : parts[0]) + "." + b64(payloadJson) + "." + parts[2];
	}

	static {
		// alg "none", in every casing, without and with a signature (RFC 8725 section 2.1).
		for (String none : List.of("none", "None", "NONE", "nOnE")) {
			attack("alg \"" + none + "\" without signature", (f, e) -> Forge.unsigned(header(none), f.claims(e).json()));
			attack("alg \"" + none + "\" with an HMAC by the real key",
					(f, e) -> Forge.hmac("HmacSHA256", KEY, header(none), f.claims(e).json()));
		}
		attack("alg \"none\" without signature or trailing dot", (f, e) -> {
			String unsigned = Forge.unsigned(header("none"), f.claims(e).json());
			return unsigned.substring(0, unsigned.length() - 1);
		});
		attack("alg \"none\" keeping a real token's signature", (f, e) -> {
			String[] real = parts(f.realToken(e));
			return b64(header("none")) + "." + real[1] + "." + real[2];
		});
		attack("alg missing, signed with the real key", (f, e) -> Forge.hmac("HmacSHA256", KEY, "{\"typ\":\"JWT\"}", f.claims(e).json()));
		attack("alg empty string, signed with the real key", (f, e) -> Forge.hmac("HmacSHA256", KEY, header(""), f.claims(e).json()));
		attack("alg null, signed with the real key",
				(f, e) -> Forge.hmac("HmacSHA256", KEY, "{\"alg\":null,\"typ\":\"JWT\"}", f.claims(e).json()));
		attack("alg lower-case \"hs256\", signed with the real key",
				(f, e) -> Forge.hmac("HmacSHA256", KEY, header("hs256"), f.claims(e).json()));
		attack("alg HS384 with an HMAC-SHA384 by the real key",
				(f, e) -> Forge.hmac("HmacSHA384", KEY, header("HS384"), f.claims(e).json()));
		attack("alg HS512 with an HMAC-SHA512 by the real key",
				(f, e) -> Forge.hmac("HmacSHA512", KEY, header("HS512"), f.claims(e).json()));

		// HS/RS confusion: an asymmetric alg named, an HMAC given.
		for (String alg : List.of("RS256", "ES256", "PS256")) {
			attack("alg " + alg + " with an HMAC by the HS key", (f, e) -> Forge.hmac("HmacSHA256", KEY, header(alg), f.claims(e).json()));
			attack("alg " + alg + " with an HMAC keyed by public-key PEM bytes",
					(f, e) -> Forge.hmac("HmacSHA256", f.publicKeyPem(), header(alg), f.claims(e).json()));
		}
		attack("alg HS256 with an HMAC keyed by public-key PEM bytes",
				(f, e) -> Forge.hmac("HmacSHA256", f.publicKeyPem(), Forge.STANDARD_HEADER, f.claims(e).json()));
		attack("alg RS256 signed by the attacker's RSA key",
				(f, e) -> Forge.rs256(f.attackerRsa(), header("RS256"), f.claims(e).json()));

		// Signatures stripped, truncated, from elsewhere.
		attack("signature stripped, trailing dot kept", (f, e) -> {
			String[] real = parts(f.realToken(e));
			return real[0] + "." + real[1] + ".";
		});
		attack("signature stripped, two segments", (f, e) -> {
			String[] real = parts(f.realToken(e));
			return real[0] + "." + real[1];
		});
		attack("signature truncated by one character", (f, e) -> {
			String real = f.realToken(e);
			return real.substring(0, real.length() - 1);
		});
		attack("signature truncated to half", (f, e) -> {
			String[] real = parts(f.realToken(e));
			return real[0] + "." + real[1] + "." + real[2].substring(0, real[2].length() / 2);
		});
		attack("signature by another key", (f, e) -> Forge.signed(OTHER_KEY, f.claims(e).json()));
		attack("signature of another real token spliced on", (f, e) -> {
			String[] minted = parts(f.valid(e));
			return minted[0] + "." + minted[1] + "." + parts(f.realToken(e))[2];
		});
		attack("signature of 32 zero bytes", (f, e) -> {
			String[] minted = parts(f.valid(e));
			return minted[0] + "." + minted[1] + "." + b64(new byte[32]);
		});
		attack("signature with one extra byte", (f, e) -> {
			String[] real = parts(f.realToken(e));
			byte[] signature = Forge.unb64(real[2]);
			return real[0] + "." + real[1] + "." + b64(Arrays.copyOf(signature, signature.length + 1));
		});
		attack("signature repeated twice", (f, e) -> {
			String[] real = parts(f.realToken(e));
			return real[0] + "." + real[1] + "." + real[2] + real[2];
		});

		// Payload (and header) tampering, signature kept.
		attack("user_id changed to the victim's on a real token, signature kept", (f, e) -> {
			String real = f.realToken(e);
			String payload = Forge.payloadJson(real).replace("\"user_id\":" + f.attackerId(), "\"user_id\":" + f.victimId());
			return keepSignature(real, null, payload);
		});
		attack("user_id changed to the victim's on a minted token, signature kept", (f, e) -> {
			Claims claims = f.claims(e);
			String token = Forge.signed(KEY, claims.json());
			return keepSignature(token, null, claims.set("user_id", Long.toString(f.victimId())).json());
		});
		attack("token_type flipped access<->refresh, signature kept", (f, e) -> {
			Claims claims = Claims.standard(e.otherTokenType(), f.attackerId());
			String token = Forge.signed(KEY, claims.json());
			return keepSignature(token, null, claims.set("token_type", Claims.quote(e.tokenType())).json());
		});
		attack("exp of an expired token extended by a year, signature kept", (f, e) -> {
			Claims claims = f.claims(e).set("exp", Long.toString(Forge.now() - 60));
			String token = Forge.signed(KEY, claims.json());
			return keepSignature(token, null, claims.set("exp", Long.toString(Forge.now() + 365L * 86_400)).json());
		});
		attack("payload re-serialised with spaces (same claims), signature kept", (f, e) -> {
			String real = f.realToken(e);
			return keepSignature(real, null, Forge.payloadJson(real).replace(",", ", ").replace(":", ": "));
		});
		attack("kid added to the header, signature kept", (f, e) -> {
			String real = f.realToken(e);
			return keepSignature(real, "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"x\"}", Forge.payloadJson(real));
		});

		// kid injection: path traversal to a known file, SQL that selects a known key.
		attack("kid \"../../dev/null\" with an HMAC by the empty key", (f, e) -> Forge.hmac("HmacSHA256", new byte[0],
				"{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"../../dev/null\"}", f.claims(e).json()));
		attack("kid \"/dev/null\" with an HMAC by the empty key", (f, e) -> Forge.hmac("HmacSHA256", new byte[0],
				"{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"/dev/null\"}", f.claims(e).json()));
		attack("kid \"x' OR '1'='1\" with an HMAC by key \"1\"", (f, e) -> Forge.hmac("HmacSHA256", "1".getBytes(StandardCharsets.UTF_8),
				"{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"x' OR '1'='1\"}", f.claims(e).json()));
		attack("kid \"x' UNION SELECT 'k'--\" with an HMAC by key \"k\"", (f, e) -> Forge.hmac("HmacSHA256", "k".getBytes(StandardCharsets.UTF_8),
				"{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"x' UNION SELECT 'k'--\"}", f.claims(e).json()));

		// Keys named by URL (must never be fetched) or embedded in the header.
		attack("jku http://127.0.0.1:1/jwks.json, RS256 by the attacker's key", (f, e) -> Forge.rs256(f.attackerRsa(),
				"{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"attacker\",\"jku\":\"http://127.0.0.1:1/jwks.json\"}", f.claims(e).json()));
		attack("x5u http://127.0.0.1:1/cert.pem, RS256 by the attacker's key", (f, e) -> Forge.rs256(f.attackerRsa(),
				"{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5u\":\"http://127.0.0.1:1/cert.pem\"}", f.claims(e).json()));
		attack("jku at a listening canary, RS256 by the attacker's key", (f, e) -> Forge.rs256(f.attackerRsa(),
				"{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"attacker\",\"jku\":\"" + f.canaryUrl() + "/jwks.json\"}", f.claims(e).json()));
		attack("x5u at a listening canary, RS256 by the attacker's key", (f, e) -> Forge.rs256(f.attackerRsa(),
				"{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5u\":\"" + f.canaryUrl() + "/cert.pem\"}", f.claims(e).json()));
		attack("jku at a listening canary, HS256 by the attacker's secret", (f, e) -> Forge.hmac("HmacSHA256", OTHER_KEY,
				"{\"alg\":\"HS256\",\"typ\":\"JWT\",\"jku\":\"" + f.canaryUrl() + "/jwks.json\"}", f.claims(e).json()));
		attack("embedded jwk (attacker's RSA public key), RS256 by that key", (f, e) -> Forge.rs256(f.attackerRsa(),
				"{\"alg\":\"RS256\",\"typ\":\"JWT\",\"jwk\":" + f.attackerRsa().toPublicJWK().toJSONString() + "}", f.claims(e).json()));
		attack("embedded jwk (attacker's oct key), HS256 by that key", (f, e) -> Forge.hmac("HmacSHA256", OTHER_KEY,
				"{\"alg\":\"HS256\",\"typ\":\"JWT\",\"jwk\":{\"kty\":\"oct\",\"k\":\"" + b64(OTHER_KEY) + "\"}}", f.claims(e).json()));

		// crit with a parameter nobody understands (RFC 7515 section 4.1.11: must be refused).
		attack("crit names an unknown header parameter, signed with the real key", (f, e) -> Forge.signed(KEY,
				"{\"alg\":\"HS256\",\"typ\":\"JWT\",\"crit\":[\"x-latchkey-unknown\"],\"x-latchkey-unknown\":true}", f.claims(e).json()));
		attack("crit names a parameter absent from the header, signed with the real key", (f, e) -> Forge.signed(KEY,
				"{\"alg\":\"HS256\",\"typ\":\"JWT\",\"crit\":[\"x-missing\"]}", f.claims(e).json()));

		// Nested JWT: the payload is itself a token.
		attack("nested JWT (cty JWT, inner valid token as payload), outer signed with the real key",
				(f, e) -> Forge.signed(KEY, "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"cty\":\"JWT\"}", f.valid(e)));
		attack("nested JWT (cty JWT, inner valid token as payload), outer alg none",
				(f, e) -> Forge.unsigned("{\"alg\":\"none\",\"cty\":\"JWT\"}", f.valid(e)));

		// Payloads and headers that are not a JSON object, correctly signed.
		attack("payload not JSON, signed with the real key", (f, e) -> Forge.signed(KEY, "user_id=1; token_type=access"));
		attack("payload a JSON array of the claims, signed with the real key", (f, e) -> Forge.signed(KEY, "[" + f.claims(e).json() + "]"));
		attack("payload a JSON string, signed with the real key", (f, e) -> Forge.signed(KEY, Claims.quote(f.claims(e).json())));
		attack("payload JSON null, signed with the real key", (f, e) -> Forge.signed(KEY, "null"));
		attack("payload a JSON number, signed with the real key", (f, e) -> Forge.signed(KEY, "42"));
		attack("payload empty, signed with the real key", (f, e) -> Forge.signed(KEY, ""));
		attack("payload with trailing garbage after the object, signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).json() + " trailing"));
		attack("payload with a trailing comma, signed with the real key", (f, e) -> {
			String json = f.claims(e).json();
			return Forge.signed(KEY, json.substring(0, json.length() - 1) + ",}");
		});
		attack("payload with NaN, signed with the real key", (f, e) -> Forge.signed(KEY, f.claims(e).set("nbf", "NaN").json()));
		attack("header not JSON, signed with the real key", (f, e) -> Forge.hmac("HmacSHA256", KEY, "alg=HS256", f.claims(e).json()));
		attack("header a JSON array, signed with the real key",
				(f, e) -> Forge.hmac("HmacSHA256", KEY, "[" + Forge.STANDARD_HEADER + "]", f.claims(e).json()));

		// Duplicate members: one parser's first is another's last (RFC 8259 section 4, RFC 7515 section 5.2).
		attack("duplicate user_id (victim first, attacker last), signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("user_id", Long.toString(f.victimId())).append("\"user_id\":" + f.attackerId()).json()));
		attack("duplicate user_id (attacker first, victim last), signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).append("\"user_id\":" + f.victimId()).json()));
		attack("duplicate exp (expired first, future last), signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("exp", Long.toString(Forge.now() - 60)).append("\"exp\":" + (Forge.now() + 3600)).json()));
		attack("duplicate exp (future first, expired last), signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).append("\"exp\":" + (Forge.now() - 60)).json()));
		attack("duplicate token_type (other type first, expected last), signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("token_type", Claims.quote(e.otherTokenType()))
					.append("\"token_type\":" + Claims.quote(e.tokenType())).json()));
		attack("duplicate alg in the header (none first, HS256 last), signed with the real key",
				(f, e) -> Forge.signed(KEY, "{\"alg\":\"none\",\"typ\":\"JWT\",\"alg\":\"HS256\"}", f.claims(e).json()));

		// Numbers out of every range.
		signedWithClaim("exp 1e400, signed with the real key", "exp", "1e400");
		signedWithClaim("exp 2^64, signed with the real key", "exp", "18446744073709551616");
		signedWithClaim("exp 2^63-1 (Long.MAX_VALUE), signed with the real key", "exp", Long.toString(Long.MAX_VALUE));
		signedWithClaim("exp -1, signed with the real key", "exp", "-1");
		signedWithClaim("iat 2^63-1 (Long.MAX_VALUE), signed with the real key", "iat", Long.toString(Long.MAX_VALUE));
		signedWithClaim("iat -2^63 (Long.MIN_VALUE), signed with the real key", "iat", Long.toString(Long.MIN_VALUE));
		signedWithClaim("user_id 1e30, signed with the real key", "user_id", "1e30");
		signedWithClaim("user_id 99999999999999999999, signed with the real key", "user_id", "99999999999999999999");
		signedWithClaim("user_id \"99999999999999999999\" (string), signed with the real key", "user_id", "\"99999999999999999999\"");
		signedWithClaim("user_id 2^63, signed with the real key", "user_id", "9223372036854775808");
		attack("user_id the attacker's id plus 2^64, signed with the real key", (f, e) -> Forge.signed(KEY,
				f.claims(e).set("user_id", java.math.BigInteger.valueOf(f.attackerId()).add(java.math.BigInteger.TWO.pow(64)).toString()).json()));
		signedWithClaim("user_id true, signed with the real key", "user_id", "true");
		signedWithClaim("user_id null, signed with the real key", "user_id", "null");
		attack("user_id an object holding the id, signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("user_id", "{\"id\":" + f.attackerId() + "}").json()));
		attack("user_id an array holding the id, signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("user_id", "[" + f.attackerId() + "]").json()));
		attack("user_id a string with a leading space, signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("user_id", "\" " + f.attackerId() + "\"").json()));
		attack("user_id a string of Arabic-Indic digits, signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("user_id", "\"\\u0661\"").json()));
		signedWithoutClaim("user_id missing, signed with the real key", "user_id");

		// exp, nbf, iat at and past their edges (RFC 7519 section 4.1, PyJWT's checks).
		attack("exp = now, signed with the real key", (f, e) -> Forge.signed(KEY, f.claims(e).set("exp", Long.toString(Forge.now())).json()));
		attack("exp = now - 1, signed with the real key", (f, e) -> Forge.signed(KEY, f.claims(e).set("exp", Long.toString(Forge.now() - 1)).json()));
		signedWithoutClaim("exp missing, signed with the real key", "exp");
		signedWithClaim("exp null, signed with the real key", "exp", "null");
		signedWithClaim("exp a string \"9999999999\", signed with the real key", "exp", "\"9999999999\"");
		signedWithClaim("exp fractional 9999999999.5, signed with the real key", "exp", "9999999999.5");
		signedWithClaim("exp true, signed with the real key", "exp", "true");
		signedWithClaim("exp an array [9999999999], signed with the real key", "exp", "[9999999999]");
		attack("nbf an hour in the future, signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("nbf", Long.toString(Forge.now() + 3600)).json()));
		signedWithClaim("nbf a string \"0\", signed with the real key", "nbf", "\"0\"");
		signedWithClaim("iat a string, signed with the real key", "iat", "\"yesterday\"");
		signedWithClaim("iat null, signed with the real key", "iat", "null");

		// A valid-looking, correctly signed token far over 8 KB.
		ATTACKS.add(new Attack("token over 8 KB (valid signature, 9,000-character claim)",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("pad", Claims.quote("x".repeat(9_000))).json()),
				EnumSet.noneOf(TokenEndpoint.class), (endpoint, response) -> {
					if (endpoint.isApi()) {
						// Over Tomcat's 8 KB request-header limit: Tomcat refuses it before any filter runs.
						HostileAssertions.refused(response, 400, 431);
					}
					else {
						// The body field is capped at 8192 characters (400), else the codec refuses it (401).
						HostileAssertions.refused(response, 400, 401);
					}
				}));
		ATTACKS.add(new Attack("token of 8,193 characters (valid signature) in a JSON body",
				(f, e) -> {
					String json = f.claims(e).set("pad", "\"\"").json();
					String probe = Forge.signed(KEY, json);
					int padding = (8_193 - probe.length()) * 3 / 4;
					String token = Forge.signed(KEY, f.claims(e).set("pad", Claims.quote("x".repeat(padding))).json());
					while (token.length() < 8_193) {
						padding++;
						token = Forge.signed(KEY, f.claims(e).set("pad", Claims.quote("x".repeat(padding))).json());
					}
					return token;
				}, EnumSet.of(TokenEndpoint.API_BEARER, TokenEndpoint.API_COOKIE),
				(endpoint, response) -> HostileAssertions.refused(response, 400, 401)));

		// token_type: the other kind, unknown kinds, missing, wrong JSON type.
		attackExceptAt(EnumSet.of(TokenEndpoint.VERIFY), // verify takes any type, as SimpleJWT's UntypedToken
				"token_type of the other kind (refresh at the API, access at refresh), signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("token_type", Claims.quote(e.otherTokenType())).json()));
		attackExceptAt(EnumSet.of(TokenEndpoint.VERIFY), // a sliding token is a valid token to verify, as in SimpleJWT
				"token_type \"sliding\" (no refresh_exp), signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("token_type", "\"sliding\"").json()));
		signedWithClaim("token_type \"untyped\", signed with the real key", "token_type", "\"untyped\"");
		signedWithoutClaim("token_type missing, signed with the real key", "token_type");
		signedWithClaim("token_type null, signed with the real key", "token_type", "null");
		attack("token_type upper-case, signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("token_type", Claims.quote(e.tokenType().toUpperCase())).json()));
		attack("token_type an array holding the right type, signed with the real key",
				(f, e) -> Forge.signed(KEY, f.claims(e).set("token_type", "[" + Claims.quote(e.tokenType()) + "]").json()));

		// jti: SimpleJWT requires one.
		signedWithoutClaim("jti missing, signed with the real key", "jti");
		signedWithClaim("jti empty, signed with the real key", "jti", "\"\"");
		signedWithClaim("jti a number, signed with the real key", "jti", "12345");

		// Not a JWS at all.
		attack("JWE-shaped token with five segments", (f, e) -> {
			String real = f.realToken(e);
			return real + "." + parts(real)[2] + ".x";
		});
		attack("four segments", (f, e) -> f.realToken(e) + ".x");
		attack("one segment", (f, e) -> parts(f.realToken(e))[1]);
		attack("only dots", (f, e) -> "..");
		attack("header and payload swapped, signature kept", (f, e) -> {
			String[] real = parts(f.realToken(e));
			return real[1] + "." + real[0] + "." + real[2];
		});
	}

	/**
	 * A listening socket on 127.0.0.1 that counts connections: a {@code jku}/{@code x5u} pointing here
	 * proves the server fetched nothing if it stays at zero.
	 */
	static final class Canary implements AutoCloseable {

		private final ServerSocket server;

		private final AtomicInteger connections = new AtomicInteger();

		Canary() {
			try {
				this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Thread acceptor = new Thread(() -> {
				while (!this.server.isClosed()) {
					try (Socket socket = this.server.accept()) {
						this.connections.incrementAndGet();
					}
					catch (IOException ex) {
						// closed
					}
				}
			}, "jku-canary");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getLocalPort();
		}

		int connections() {
			return this.connections.get();
		}

		@Override
		public void close() {
			try {
				this.server.close();
			}
			catch (IOException ex) {
				// ignore
			}
		}

	}

}
