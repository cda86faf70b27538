package dev.latchkey.server.hostile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Builds tokens byte by byte, so that the only thing wrong with a token is the attack: header and
 * payload are raw JSON strings (duplicate keys, odd numbers and non-JSON survive), signed with the
 * server's key through Nimbus when the attack needs a valid signature, or with whatever the attacker
 * would use (another key, an empty key, public-key bytes, an RSA key of their own).
 */
final class Forge {

	static final String STANDARD_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

	private Forge() {
	}

	static String b64(String text) {
		return b64(text.getBytes(StandardCharsets.UTF_8));
	}

	static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] unb64(String segment) {
		return Base64.getUrlDecoder().decode(segment);
	}

	static String header(String alg) {
		return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
	}

	/** A correctly signed HS256 token with the standard header: Nimbus MACSigner over a raw payload string. */
	static String signed(byte[] key, String payloadJson) {
		try {
			JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
					new Payload(payloadJson));
			jws.sign(new MACSigner(key));
			return jws.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A header kept byte for byte, signed HS256 with the server's key through Nimbus. */
	static String signed(byte[] key, String headerJson, String payloadJson) {
		String input = b64(headerJson) + "." + b64(payloadJson);
		try {
			return input + "." + new MACSigner(key).sign(new JWSHeader(JWSAlgorithm.HS256), input.getBytes(StandardCharsets.US_ASCII));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Header and payload as given, with no signature at all ({@code h.p.}). */
	static String unsigned(String headerJson, String payloadJson) {
		return b64(headerJson) + "." + b64(payloadJson) + ".";
	}

	/**
	 * An HMAC of any strength under any key, including an empty one (what {@code /dev/null} holds):
	 * HMAC pads a short key with zeros to the block size, so the empty key is a block of zeros.
	 */
	static String hmac(String javaAlgorithm, byte[] key, String headerJson, String payloadJson) {
		String input = b64(headerJson) + "." + b64(payloadJson);
		return input + "." + b64(hmacBytes(javaAlgorithm, key, input));
	}

	static byte[] hmacBytes(String javaAlgorithm, byte[] key, String input) {
		try {
			Mac mac = Mac.getInstance(javaAlgorithm);
			byte[] effectiveKey = (key.length == 0) ? new byte[javaAlgorithm.equals("HmacSHA256") ? 64 : 128] : key;
			mac.init(new SecretKeySpec(effectiveKey, javaAlgorithm));
			return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signed RS256 with an RSA key of the attacker's, the header kept byte for byte. */
	static String rs256(RSAKey key, String headerJson, String payloadJson) {
		String input = b64(headerJson) + "." + b64(payloadJson);
		try {
			return input + "." + new RSASSASigner(key).sign(new JWSHeader(JWSAlgorithm.RS256), input.getBytes(StandardCharsets.US_ASCII));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The segments of a compact token. */
	static String[] parts(String token) {
		return token.split("\\.", -1);
	}

	static String payloadJson(String token) {
		return new String(unb64(parts(token)[1]), StandardCharsets.UTF_8);
	}

	static long now() {
		return Instant.now().getEpochSecond();
	}

	static String newJti() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * A claim set kept as raw JSON values in SimpleJWT's order, so any value (a string where a number
	 * belongs, 1e400, an array) and any layout can be written.
	 */
	static final class Claims {

		private final Map<String, String> raw = new LinkedHashMap<>();

		private String extraMembers = "";

		/** SimpleJWT's claims for a token of this type: {@code token_type, exp, iat, jti, user_id}. */
		static Claims standard(String tokenType, long userId) {
			long now = now();
			long lifetime = tokenType.equals("refresh") ? 86_400 : 300;
			return new Claims().set("token_type", quote(tokenType))
				.set("exp", Long.toString(now + lifetime))
				.set("iat", Long.toString(now))
				.set("jti", quote(newJti()))
				.set("user_id", Long.toString(userId));
		}

		/** Set a claim to a raw JSON value (keeps its position if already present). */
		Claims set(String name, String rawJson) {
			this.raw.put(name, rawJson);
			return this;
		}

		Claims remove(String name) {
			this.raw.remove(name);
			return this;
		}

		/** Raw members appended after the others, e.g. a second {@code "user_id"}. */
		Claims append(String rawMembers) {
			this.extraMembers += "," + rawMembers;
			return this;
		}

		String json() {
			StringBuilder json = new StringBuilder("{");
			this.raw.forEach((name, value) -> {
				if (json.length() > 1) {
					json.append(',');
				}
				json.append(quote(name)).append(':').append(value);
			});
			json.append(json.length() > 1 ? this.extraMembers : this.extraMembers.replaceFirst("^,", ""));
			return json.append('}').toString();
		}

		static String quote(String text) {
			return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}

	}

}
