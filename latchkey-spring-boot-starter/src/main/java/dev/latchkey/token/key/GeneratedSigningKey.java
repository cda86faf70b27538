package dev.latchkey.token.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing key of a server started with none configured: 256 random bits, made on first start
 * and kept in a file only its owner can read, so tokens survive restarts. Production should
 * configure {@code latchkey.jwt.signing-key} (shared by every instance); a warning says so,
 * without ever logging the key.
 */
public final class GeneratedSigningKey {

	private static final Logger logger = LoggerFactory.getLogger(GeneratedSigningKey.class);

	private static final int KEY_BYTES = 32;

	private GeneratedSigningKey() {
	}

	/**
	 * Read the key kept in {@code file}, creating it first when missing.
	 * @param file where the key is kept
	 * @return the key bytes
	 */
	public static byte[] loadOrCreate(Path file) {
		return loadOrCreate(file, "latchkey.jwt.signing-key");
	}

	/**
	 * Read the key kept in {@code file}, creating it first when missing (any 256-bit key the
	 * server makes for itself: the signing key, the MFA encryption key).
	 * @param file where the key is kept
	 * @param property the property that would configure it, for the warning
	 * @return the key bytes
	 */
	public static byte[] loadOrCreate(Path file, String property) {
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			logger.warn("No {} is configured: using the generated key kept in {}. "
					+ "Configure a shared key before running more than one instance.", property, file.toAbsolutePath());
			byte[] key = Base64.getUrlDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
			if (key.length < KEY_BYTES) {
				throw new IllegalStateException("The generated signing key in " + file + " is shorter than 256 bits");
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the signing key file " + file, ex);
		}
	}

	private static void create(Path file) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		byte[] key = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(key);
		String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
		try {
			if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				// Created owner-only from the start: no window in which others could read it.
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
			Files.writeString(file, encoded, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (FileAlreadyExistsException ex) {
			// Another instance on the same data directory made it first: use theirs.
		}
	}


}
