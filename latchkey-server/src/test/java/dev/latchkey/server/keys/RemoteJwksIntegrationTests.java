package dev.latchkey.server.keys;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.latchkey.token.key.KeyGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latchkey verifying tokens signed by another issuer's keys, fetched from that issuer's JWKS
 * (SimpleJWT's {@code JWK_URL}), here served by a local test server that counts the fetches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:remote-jwks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"latchkey.jwt.signing-key=remote-jwks-test-signing-key-0123456789abcdef",
				"latchkey.jwt.jwk-set-refresh-interval=1h", "latchkey.jwt.jwk-set-cache-lifetime=2h" })
class RemoteJwksIntegrationTests {

	static final AtomicInteger fetches = new AtomicInteger();

	static final HttpServer issuer = startIssuer();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void jwkSetUri(DynamicPropertyRegistry registry) {
		registry.add("latchkey.jwt.jwk-set-uri", () -> "http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks.json");
	}

	@AfterAll
	static void stopIssuer() {
		issuer.stop(0);
	}

	static HttpServer startIssuer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] jwks = new JWKSet(TestKeys.REMOTE.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			server.createContext("/jwks.json", (exchange) -> {
				fetches.incrementAndGet();
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				exchange.getResponseBody().write(jwks);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sign(JWK key, String kid, Map<String, Object> claims) throws Exception {
		JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), new Payload(claims));
		jws.sign(new ECDSASigner(key.toECKey()));
		return jws.serialize();
	}

	@Test
	void remoteKeyWhenKnownThenVerifiesAndUnknownKidsFetchAtMostOncePerInterval() throws Exception {
		KeysApi api = new KeysApi(this.port);
		String local = api.signUpAccess();
		long userId = api.get("/api/auth/user/", local).json().get("id").asLong();
		long now = System.currentTimeMillis() / 1000;
		Map<String, Object> claims = Map.of("token_type", "access", "exp", now + 300, "iat", now, "jti",
				"0123456789abcdef0123456789abcdef", "user_id", userId);

		assertThat(api.get("/api/auth/user/", sign(TestKeys.REMOTE, "remote-1", claims)).status()).isEqualTo(200);
		int afterFirst = fetches.get();
		assertThat(afterFirst).isEqualTo(1);

		JWK stranger = KeyGenerator.generate(JWSAlgorithm.ES256, "stranger");
		for (String kid : List.of("unknown-1", "unknown-2", "unknown-3", "stranger")) {
			assertThat(api.get("/api/auth/user/", sign(stranger, kid, claims)).status()).isEqualTo(401);
		}
		assertThat(fetches.get()).isLessThanOrEqualTo(afterFirst + 1);
		assertThat(api.get("/api/auth/user/", sign(TestKeys.REMOTE, "remote-1", claims)).status()).isEqualTo(200);
	}

}
