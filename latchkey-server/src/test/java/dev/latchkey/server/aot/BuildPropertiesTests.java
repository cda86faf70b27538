package dev.latchkey.server.aot;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the build records of its configuration, and how a start compares its own with it.
 */
class BuildPropertiesTests {

	private static final ClassLoader CLASS_PATH = BuildPropertiesTests.class.getClassLoader();

	@TempDir
	Path directory;

	@Test
	void aStartDiffersFromTheBuildInEveryPropertyChangedSetOrUnset() {
		StandardEnvironment build = environment(Map.of("latchkey.mfa.enabled", "true", "spring.mail.host", "smtp.example"));
		BuildProperties recorded = BuildProperties.of(Set.of("latchkey.mfa.enabled", "spring.mail.host",
				"latchkey.passkeys.enabled"), build, CLASS_PATH);

		assertThat(recorded.changedIn(build, CLASS_PATH)).isEmpty();
		assertThat(recorded.changedIn(environment(Map.of("latchkey.mfa.enabled", "false", "spring.mail.host",
				"smtp.example")), CLASS_PATH)).containsExactly("latchkey.mfa.enabled");
		assertThat(recorded.changedIn(environment(Map.of("latchkey.mfa.enabled", "true", "spring.mail.host",
				"smtp.example", "latchkey.passkeys.enabled", "false")), CLASS_PATH))
			.containsExactly("latchkey.passkeys.enabled");
		assertThat(recorded.changedIn(environment(Map.of("latchkey.mfa.enabled", "true")), CLASS_PATH))
			.containsExactly("spring.mail.host");
	}

	@Test
	void theServerPortAndTheProcessIdAreNotCompared() {
		BuildProperties recorded = BuildProperties.of(Set.of("server.port", "spring.application.pid"),
				environment(Map.of("server.port", "8000", "spring.application.pid", "41")), CLASS_PATH);

		assertThat(recorded.text()).doesNotContain("server.port", "spring.application.pid");
		assertThat(recorded.changedIn(environment(Map.of("server.port", "9000", "spring.application.pid", "42")),
				CLASS_PATH)).isEmpty();
	}

	@Test
	void theRecordKeepsDigestsNotValuesAndReadsBackTheSame() throws Exception {
		StandardEnvironment build = environment(Map.of("latchkey.jwt.signing-key", "a-secret-signing-key-of-the-build"));
		BuildProperties recorded = BuildProperties.of(Set.of("latchkey.jwt.signing-key", "latchkey.mfa.enabled"), build,
				CLASS_PATH);
		Path resource = this.directory.resolve(BuildProperties.RESOURCE);
		Files.createDirectories(resource.getParent());
		Files.writeString(resource, recorded.text());

		assertThat(recorded.text()).doesNotContain("a-secret-signing-key-of-the-build");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.directory.toUri().toURL() }, null)) {
			BuildProperties read = BuildProperties.load(loader);
			assertThat(read.changedIn(build, CLASS_PATH)).isEmpty();
			assertThat(read.changedIn(environment(Map.of()), CLASS_PATH)).containsExactly("latchkey.jwt.signing-key");
		}
		try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
			assertThat(BuildProperties.load(empty)).as("a build without process-aot").isNull();
		}
	}

	@Test
	void aJarBringingAnotherAutoConfigurationDiffersFromTheBuild() throws Exception {
		StandardEnvironment environment = environment(Map.of());
		BuildProperties recorded = BuildProperties.of(Set.of(), environment, CLASS_PATH);
		Path imports = this.directory.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
		Files.createDirectories(imports.getParent());
		Files.writeString(imports, "com.example.plugin.PluginAutoConfiguration\n");

		assertThat(recorded.changedIn(environment, CLASS_PATH)).isEmpty();
		try (URLClassLoader plugin = new URLClassLoader(new URL[] { this.directory.toUri().toURL() }, CLASS_PATH)) {
			assertThat(recorded.changedIn(environment, plugin)).containsExactly(BuildProperties.AUTO_CONFIGURATIONS);
		}
	}

	@Test
	void lookupsSeeEveryNameAskedForWhereverItsValueIs() {
		StandardEnvironment environment = environment(Map.of("latchkey.mfa.enabled", "true"));
		ConfigurationPropertySources.attach(environment);
		PropertyLookups lookups = new PropertyLookups();
		environment.getPropertySources().addFirst(lookups);

		assertThat(environment.getProperty("latchkey.mfa.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("spring.mail.host")).isNull();

		assertThat(lookups.names()).contains("latchkey.mfa.enabled", "spring.mail.host");
	}

	private static StandardEnvironment environment(Map<String, String> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
		return environment;
	}

}
