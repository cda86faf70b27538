package dev.latchkey.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import dev.latchkey.token.key.GeneratedSigningKey;
import dev.latchkey.token.key.NimbusTokenCodec;
import dev.latchkey.token.key.RemoteKeys;
import dev.latchkey.token.key.SigningKey;
import dev.latchkey.token.key.SigningKeys;

/**
 * The signing keys the properties describe, checked at start-up: a key that is missing,
 * malformed, of the wrong kind or too weak stops the application with the property's name (and
 * never the key itself) in the message.
 */
public final class KeyRing {

	static final String SIGNING_KEY_FILE = "jwt-signing-key";

	private final List<SigningKey> keys;

	private final NimbusTokenCodec codec;

	private KeyRing(List<SigningKey> keys, NimbusTokenCodec codec) {
		this.keys = keys;
		this.codec = codec;
	}

	public List<SigningKey> keys() {
		return this.keys;
	}

	public NimbusTokenCodec codec() {
		return this.codec;
	}

	static KeyRing from(LatchkeyProperties properties) {
		LatchkeyProperties.Jwt jwt = properties.jwt();
		List<SigningKey> keys = jwt.keys().isEmpty() ? List.of(singleSecret(properties)) : namedKeys(jwt.keys());
		RemoteKeys remote = null;
		if (jwt.jwkSetUri() != null) {
			try {
				remote = new RemoteKeys(jwt.jwkSetUri(), jwt.jwkSetCacheLifetime(), jwt.jwkSetRefreshInterval());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException("latchkey.jwt.jwk-set-uri", jwt.jwkSetUri(),
						ex.getMessage());
			}
		}
		try {
			return new KeyRing(keys, new NimbusTokenCodec(keys, remote));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("latchkey.jwt.keys", "<redacted>", ex.getMessage());
		}
	}

	/** SimpleJWT's configuration: one secret, or a generated one kept in the data directory. */
	private static SigningKey singleSecret(LatchkeyProperties properties) {
		LatchkeyProperties.Jwt jwt = properties.jwt();
		JWSAlgorithm algorithm = JWSAlgorithm.parse(jwt.algorithm());
		if (!JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
			throw new InvalidConfigurationPropertyValueException("latchkey.jwt.algorithm", jwt.algorithm(),
					"latchkey.jwt.signing-key is an HMAC secret (HS256, HS384 or HS512); configure "
							+ "latchkey.jwt.keys for other algorithms");
		}
		byte[] secret = (jwt.signingKey() != null && !jwt.signingKey().isEmpty())
				? jwt.signingKey().getBytes(StandardCharsets.UTF_8)
				: GeneratedSigningKey.loadOrCreate(properties.dataDirectory().resolve(SIGNING_KEY_FILE));
		try {
			return SigningKeys.secret(null, algorithm, secret, true);
		}
		catch (IllegalArgumentException ex) {
			// The key itself is never echoed back, not even in a start-up failure.
			throw new InvalidConfigurationPropertyValueException("latchkey.jwt.signing-key", "<redacted>",
					ex.getMessage());
		}
	}

	private static List<SigningKey> namedKeys(List<LatchkeyProperties.Key> configured) {
		List<SigningKey> keys = new ArrayList<>();
		for (int i = 0; i < configured.size(); i++) {
			keys.add(namedKey("latchkey.jwt.keys[" + i + "]", configured.get(i)));
		}
		return List.copyOf(keys);
	}

	private static SigningKey namedKey(String property, LatchkeyProperties.Key key) {
		if (key.kid() == null || key.kid().isBlank()) {
			throw new InvalidConfigurationPropertyValueException(property + ".kid", key.kid(), "Every key needs a kid");
		}
		JWSAlgorithm algorithm;
		try {
			algorithm = SigningKeys.algorithm(String.valueOf(key.algorithm()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property + ".algorithm", key.algorithm(), ex.getMessage());
		}
		int sources = ((key.secret() != null) ? 1 : 0) + ((key.jwkFile() != null) ? 1 : 0) + ((key.pemFile() != null) ? 1 : 0);
		if (sources != 1) {
			throw new InvalidConfigurationPropertyValueException(property, key, "Give exactly one of secret, jwk-file or pem-file");
		}
		try {
			if (key.secret() != null) {
				return SigningKeys.secret(key.kid(), algorithm, key.secret().getBytes(StandardCharsets.UTF_8), key.active());
			}
			if (key.jwkFile() != null) {
				return SigningKeys.fromJwkJson(key.kid(), algorithm, read(property + ".jwk-file", key.jwkFile()), key.active());
			}
			return SigningKeys.fromPem(key.kid(), algorithm, read(property + ".pem-file", key.pemFile()), key.active());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, "<redacted>", ex.getMessage());
		}
	}

	private static String read(String property, Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException(property, file, "Cannot read the key file: " + ex);
		}
	}

}
