package dev.latchkey.token;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.token.key.GeneratedSigningKey;

class GeneratedSigningKeyTests {

	@TempDir
	Path directory;

	@Test
	void loadOrCreateWhenMissingThenCreatesOwnerOnly256BitKeyAndReusesIt() throws IOException {
		Path file = this.directory.resolve("nested/jwt-signing-key");

		byte[] first = GeneratedSigningKey.loadOrCreate(file);
		byte[] second = GeneratedSigningKey.loadOrCreate(file);

		assertThat(first).hasSize(32).isEqualTo(second);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void loadOrCreateWhenTwoDirectoriesThenDifferentKeys() {
		byte[] one = GeneratedSigningKey.loadOrCreate(this.directory.resolve("a/key"));
		byte[] two = GeneratedSigningKey.loadOrCreate(this.directory.resolve("b/key"));
		assertThat(one).isNotEqualTo(two);
	}

}
