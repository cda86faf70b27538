package dev.latchkey.server.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.token.key.NimbusTokenCodec;
import dev.latchkey.token.key.SigningKeys;

import static org.assertj.core.api.Assertions.assertThat;

class KeysCommandTests {

	@TempDir
	Path directory;

	@Test
	void generateWhenAlgorithmGivenThenPrivateJwkThatSignsAndVerifies() throws Exception {
		CommandRunner.Result result = new CommandRunner(this.directory).runBare("keys", "generate", "--alg", "ES256", "--kid", "es-1");

		assertThat(result.exitCode()).as(result.err()).isZero();
		JWK jwk = JWK.parse(result.out().strip());
		assertThat(jwk.getKeyID()).isEqualTo("es-1");
		assertThat(jwk.isPrivate()).isTrue();
		NimbusTokenCodec codec = new NimbusTokenCodec(List.of(SigningKeys.fromJwk(jwk, JWSAlgorithm.ES256, true)), null);
		assertThat(codec.decode(codec.encode(java.util.Map.of("jti", "x")))).containsEntry("jti", "x");
	}

	@Test
	void generateWhenOutGivenThenOwnerOnlyFileAndNeverOverwritten() throws Exception {
		Path out = this.directory.resolve("key.jwk");
		CommandRunner runner = new CommandRunner(this.directory);

		CommandRunner.Result first = runner.runBare("keys", "generate", "--alg", "EdDSA", "--out", out.toString());
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("latchkey.jwt.keys[0].jwk-file=");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
		String key = Files.readString(out);

		CommandRunner.Result second = runner.runBare("keys", "generate", "--alg", "EdDSA", "--out", out.toString());
		assertThat(second.exitCode()).isEqualTo(1);
		assertThat(Files.readString(out)).isEqualTo(key);
	}

	@Test
	void generateWhenAlgorithmMissingOrUnknownThenUsageError() {
		CommandRunner runner = new CommandRunner(this.directory);
		assertThat(runner.runBare("keys", "generate").exitCode()).isEqualTo(2);
		assertThat(runner.runBare("keys", "generate", "--alg", "none").exitCode()).isEqualTo(2);
		assertThat(runner.runBare("keys", "rotate", "--alg", "ES256").exitCode()).isEqualTo(2);
	}

}
