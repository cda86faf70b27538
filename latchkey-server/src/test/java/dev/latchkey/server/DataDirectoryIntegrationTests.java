package dev.latchkey.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14, item 10: the server as it runs by default (an H2 file database and a generated
 * signing key under the data directory) keeps that directory and every file in it owner-only.
 */
class DataDirectoryIntegrationTests {

	@Test
	void dataDirectoryWhenServerStartsThenDirectoryAndDatabaseFilesOwnerOnly(@TempDir Path root) throws IOException {
		Path data = root.resolve("data");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LatchkeyServerApplication.class).run(
				"--server.port=0", "--spring.main.banner-mode=off", "--latchkey.data-directory=" + data,
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("latchkey")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")) {
			List<Path> files;
			try (Stream<Path> listed = Files.list(data)) {
				files = listed.toList();
			}

			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
			assertThat(files).extracting((file) -> file.getFileName().toString())
				.contains("latchkey.mv.db", "jwt-signing-key");
			assertThat(files).allSatisfy((file) -> assertThat(
					PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
				.isEqualTo("rw-------"));
		}
	}

}
