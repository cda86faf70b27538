package dev.latchkey.benchmarks.candidate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;

import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.token.NimbusTokenCodec;
import dev.latchkey.token.TokenCodec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Candidate for the starter (BENCHMARKS.md section 6, item 2), kept here so that its measurement can be repeated: NimbusTokenCodec.decode with a fast path for tokens whose header
 * segment is exactly the active key's precomputed one ({"alg":"HS256","typ":"JWT"}): skip the
 * header's Base64 + JSON, check the HMAC with a per-thread JDK Mac and the JDK Base64 decoder
 * (constant-time compare), then parse the payload. Any other header falls back to the unchanged
 * Nimbus path, so what is accepted and refused stays the same.
 */
public final class CandidateTokenCodec implements TokenCodec {

	public enum Json { NIMBUS_GSON, JACKSON3 }

	private static final Base64.Decoder URL = Base64.getUrlDecoder();

	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	private final NimbusTokenCodec fallback;

	private final String header;

	private final ThreadLocal<Mac> macs;

	private final Json json;

	public CandidateTokenCodec(byte[] secret, Json json) {
		this.fallback = new NimbusTokenCodec(secret, JWSAlgorithm.HS256);
		this.header = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));
		SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
		this.json = json;
	}

	@Override
	public String encode(Map<String, Object> claims) {
		return this.fallback.encode(claims);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Map<String, Object> decode(String token) {
		if (token == null || token.isEmpty() || token.length() > NimbusTokenCodec.MAX_TOKEN_LENGTH) {
			throw InvalidTokenException.invalidOrExpired();
		}
		int h = this.header.length();
		if (token.length() <= h || token.charAt(h) != '.' || !token.startsWith(this.header)) {
			return this.fallback.decode(token);
		}
		int dot = token.indexOf('.', h + 1);
		if (dot < 0 || token.indexOf('.', dot + 1) >= 0 || token.indexOf('=') >= 0) {
			throw InvalidTokenException.invalidOrExpired();
		}
		try {
			byte[] expected = this.macs.get().doFinal(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
			byte[] presented = URL.decode(token.substring(dot + 1));
			if (!MessageDigest.isEqual(expected, presented)) {
				throw InvalidTokenException.invalidOrExpired();
			}
			byte[] payload = URL.decode(token.substring(h + 1, dot));
			Map<String, Object> claims = (this.json == Json.JACKSON3) ? JACKSON.readValue(payload, Map.class)
					: JSONObjectUtils.parse(new String(payload, StandardCharsets.UTF_8));
			if (claims == null) {
				throw InvalidTokenException.invalidOrExpired();
			}
			return claims;
		}
		catch (InvalidTokenException ex) {
			throw ex;
		}
		catch (ParseException | RuntimeException ex) {
			throw InvalidTokenException.invalidOrExpired();
		}
	}

}
