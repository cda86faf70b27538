package dev.latchkey.server.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latchkey as a token issuer with an RSA key: its JWKS, tokens checked with the JDK alone, and
 * the key-confusion attacks refused with SimpleJWT's 401 body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:rsa-keys;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class AsymmetricKeysIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("latchkey.jwt.keys[0].kid", () -> "rsa-2026");
		registry.add("latchkey.jwt.keys[0].algorithm", () -> "RS256");
		registry.add("latchkey.jwt.keys[0].jwk-file", TestKeys.RSA_FILE::toString);
	}

	KeysApi api() {
		return new KeysApi(this.port);
	}

	@Test
	void jwksWhenFetchedThenPublicKeyOnlyWithCacheHeaders() {
		KeysApi.Answer jwks = api().get("/.well-known/jwks.json", null);
		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.header("Cache-Control")).contains("max-age=300", "public");
		JsonNode key = jwks.json().get("keys").get(0);
		assertThat(key.get("kid").asString()).isEqualTo("rsa-2026");
		assertThat(key.get("alg").asString()).isEqualTo("RS256");
		assertThat(key.get("use").asString()).isEqualTo("sig");
		assertThat(key.has("d")).isFalse();
		assertThat(key.has("p")).isFalse();
	}

	@Test
	void accessTokenWhenIssuedThenNamesItsKeyAndVerifiesWithTheJdkAlone() throws Exception {
		String access = api().signUpAccess();
		String[] parts = access.split("\\.");
		JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
		assertThat(header.get("kid").asString()).isEqualTo("rsa-2026");
		assertThat(header.get("alg").asString()).isEqualTo("RS256");

		JsonNode jwk = api().get("/.well-known/jwks.json", null).json().get("keys").get(0);
		PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
				new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asString())),
				new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e").asString()))));
		Signature rs256 = Signature.getInstance("SHA256withRSA");
		rs256.initVerify(publicKey);
		rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		assertThat(claims.propertyNames()).startsWith("token_type", "exp", "iat", "jti", "user_id");
		assertThat(api().get("/api/auth/user/", access).status()).isEqualTo(200);
	}

	@Test
	void attacksOnKeySelectionThenSimpleJwtUnauthorizedBody() throws Exception {
		String access = api().signUpAccess();
		Payload payload = JWSObject.parse(access).getPayload();
		byte[] publicDer = TestKeys.RSA.toRSAKey().toRSAPublicKey().getEncoded();
		String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicDer) + "\n-----END PUBLIC KEY-----\n";

		JWSObject hmacWithPublicKey = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID("rsa-2026").build(), payload);
		hmacWithPublicKey.sign(new MACSigner(pem.getBytes(StandardCharsets.UTF_8)));
		JWSObject traversalKid = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("../../etc/passwd").build(), payload);
		traversalKid.sign(new RSASSASigner(TestKeys.RSA.toRSAKey()));
		JWSObject jku = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-2026")
			.jwkURL(java.net.URI.create("http://127.0.0.1:9/jwks.json")).build(), payload);
		jku.sign(new RSASSASigner(TestKeys.RSA.toRSAKey()));

		for (JWSObject forged : new JWSObject[] { hmacWithPublicKey, traversalKid, jku }) {
			KeysApi.Answer answer = api().get("/api/auth/user/", forged.serialize());
			assertThat(answer.status()).as(forged.getHeader().toString()).isEqualTo(401);
			assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
			assertThat(answer.json().toString()).isEqualTo("{\"detail\":\"Given token not valid for any token type\",\"code\":"
					+ "\"token_not_valid\",\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\","
					+ "\"message\":\"Token is invalid or expired\"}]}");
		}
	}


}
