package dev.latchkey.server.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.env.Environment;

/**
 * The properties a build consulted while Spring AOT fixed the server's bean definitions, each with
 * a digest of the value it had (SHA-256, so that no secret of the build's environment lands in the
 * jar; an unset property has the digest {@value #UNSET}), and likewise the auto-configurations on
 * its class path ({@value #AUTO_CONFIGURATIONS}: a jar added to the class path, as
 * {@code loader.path} does, may bring more). Kept in the jar as {@value #RESOURCE}.
 */
public final class BuildProperties {

	/** Where the build writes them, relative to the class path. */
	public static final String RESOURCE = "META-INF/latchkey/aot-build-properties.properties";

	static final String UNSET = "unset";

	/** The entry for the auto-configuration classes the class path declares. */
	static final String AUTO_CONFIGURATIONS = "(auto-configurations)";

	/**
	 * Properties whose value changes no bean definition, though the build consults them:
	 * {@code server.port} is compared with {@code management.server.port}, which is recorded
	 * itself and decides whether the management endpoints get a server of their own;
	 * {@code spring.application.pid} is the process's id and {@code spring.application.version}
	 * the jar's {@code Implementation-Version} (there is no jar yet when the build records);
	 * {@code spring.main.banner-mode} decides whether a banner is printed (the build's is off, to
	 * keep the build quiet).
	 */
	static final Set<String> IGNORED = Set.of("server.port", "spring.application.pid", "spring.application.version",
			"spring.main.banner-mode");

	private final Map<String, String> digests;

	BuildProperties(Map<String, String> digests) {
		this.digests = new TreeMap<>(digests);
	}

	/** The values the environment gives the consulted properties now, and the class path's auto-configurations. */
	static BuildProperties of(Set<String> names, Environment environment, ClassLoader classLoader) {
		Map<String, String> digests = new TreeMap<>();
		for (String name : names) {
			if (!IGNORED.contains(name)) {
				digests.put(name, digest(environment.getProperty(name)));
			}
		}
		digests.put(AUTO_CONFIGURATIONS, autoConfigurations(classLoader));
		return new BuildProperties(digests);
	}

	/** Those the build recorded, or {@code null} when this build did not run Spring AOT. */
	static BuildProperties load(ClassLoader classLoader) {
		try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				return null;
			}
			Properties properties = new Properties();
			properties.load(in);
			Map<String, String> digests = new TreeMap<>();
			properties.stringPropertyNames().forEach((name) -> digests.put(name, properties.getProperty(name)));
			return new BuildProperties(digests);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The recorded properties whose value in the environment is not the build's, by name, and
	 * {@value #AUTO_CONFIGURATIONS} if the class path declares others.
	 */
	List<String> changedIn(Environment environment, ClassLoader classLoader) {
		List<String> changed = new ArrayList<>();
		this.digests.forEach((name, digest) -> {
			String now = name.equals(AUTO_CONFIGURATIONS) ? autoConfigurations(classLoader)
					: digest(environment.getProperty(name));
			if (!digest.equals(now)) {
				changed.add(name);
			}
		});
		return changed;
	}

	private static String autoConfigurations(ClassLoader classLoader) {
		List<String> names = new ArrayList<>(ImportCandidates.load(AutoConfiguration.class, classLoader).getCandidates());
		Collections.sort(names);
		return digest(String.join("\n", names));
	}

	String text() {
		Properties properties = new Properties();
		properties.putAll(this.digests);
		StringWriter out = new StringWriter();
		try {
			properties.store(out, "Properties consulted by process-aot, with SHA-256 digests of their values");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static String digest(String value) {
		if (value == null) {
			return UNSET;
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
