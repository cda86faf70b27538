package dev.latchkey.server.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;

import dev.latchkey.token.key.KeyGenerator;

/**
 * Keys generated once per test run and written where a {@code latchkey.jwt.keys[n].jwk-file}
 * property can point.
 */
final class TestKeys {

	static final JWK RSA = KeyGenerator.generate(JWSAlgorithm.RS256, "rsa-2026");

	static final JWK REMOTE = KeyGenerator.generate(JWSAlgorithm.ES256, "remote-1");

	static final Path RSA_FILE = write("rsa", RSA);

	private TestKeys() {
	}

	private static Path write(String name, JWK jwk) {
		try {
			Path file = Files.createTempFile("latchkey-" + name, ".jwk");
			Files.writeString(file, jwk.toJSONString());
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
