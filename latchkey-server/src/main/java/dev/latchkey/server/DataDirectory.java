package dev.latchkey.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.Environment;

/**
 * Keeps the server's data directory private: the embedded H2 database holds every password hash
 * and session. Before any bean opens the database, a missing data directory (and the H2 file
 * database's directory) is created {@code rwx------}; once the application has started, the files
 * in it are made owner-only ({@code rw-------}), as H2 creates them with the process umask. An
 * existing directory keeps its mode (a container volume may rely on group 0, see README). Only
 * on file systems with POSIX permissions.
 */
final class DataDirectory implements BeanFactoryPostProcessor, EnvironmentAware, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(DataDirectory.class);

	private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private final Set<Path> directories = new LinkedHashSet<>();

	@Override
	public void setEnvironment(Environment environment) {
		this.directories.add(Path.of(environment.getProperty("latchkey.data-directory", "./data")));
		h2FileDirectory(environment.getProperty("spring.datasource.url", "")).ifPresent(this.directories::add);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			return; // the build's process-aot: no database is opened, and the module folder gets no ./data
		}
		for (Path directory : this.directories) {
			if (Files.notExists(directory) && isPosix(directory.toAbsolutePath().getRoot())) {
				try {
					Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
				}
				catch (IOException ex) {
					logger.warn("Cannot create the data directory " + directory + ": " + ex.getMessage());
				}
			}
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (Path directory : this.directories) {
			if (!Files.isDirectory(directory) || !isPosix(directory)) {
				continue;
			}
			try (Stream<Path> files = Files.list(directory)) {
				files.filter(Files::isRegularFile).forEach(DataDirectory::ownerOnly);
			}
			catch (IOException ex) {
				logger.warn("Cannot list the data directory " + directory + ": " + ex.getMessage());
			}
		}
	}

	private static void ownerOnly(Path file) {
		try {
			Files.setPosixFilePermissions(file, OWNER_FILE);
		}
		catch (IOException | SecurityException ex) {
			logger.warn("Cannot make " + file + " readable by its owner only: " + ex.getMessage());
		}
	}

	/** The directory of an embedded H2 file database URL ({@code jdbc:h2:[file:]path;...}). */
	static Optional<Path> h2FileDirectory(String url) {
		if (!url.startsWith("jdbc:h2:")) {
			return Optional.empty();
		}
		String rest = url.substring("jdbc:h2:".length());
		int options = rest.indexOf(';');
		String location = (options >= 0) ? rest.substring(0, options) : rest;
		if (location.startsWith("file:")) {
			location = location.substring("file:".length());
		}
		if (location.startsWith("mem:") || location.startsWith("tcp:") || location.startsWith("ssl:")
				|| location.startsWith("zip:") || location.startsWith("~")) {
			return Optional.empty();
		}
		return Optional.ofNullable(Path.of(location).getParent());
	}

	private static boolean isPosix(Path path) {
		return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
