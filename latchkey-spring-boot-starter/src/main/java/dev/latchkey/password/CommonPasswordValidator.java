package dev.latchkey.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Django's {@code CommonPasswordValidator}: rejects passwords whose {@code lower().strip()} is in
 * Django's list of 20,000 common passwords, shipped as the classpath resource
 * {@value #RESOURCE} and read once per JVM.
 */
public final class CommonPasswordValidator implements PasswordValidator {

	static final String RESOURCE = "dev/latchkey/password/common-passwords.txt.gz";

	@Override
	public List<String> validate(String password, PasswordOwner owner) {
		String normalized = PythonStrings.strip(PythonStrings.lower(password));
		return CommonPasswords.SET.contains(normalized) ? List.of("This password is too common.") : List.of();
	}

	/** Holder idiom: the list is loaded on first use, exactly once, without locking afterwards. */
	private static final class CommonPasswords {

		static final Set<String> SET = load();

		private static Set<String> load() {
			InputStream resource = CommonPasswordValidator.class.getClassLoader().getResourceAsStream(RESOURCE);
			if (resource == null) {
				throw new IllegalStateException("missing classpath resource " + RESOURCE);
			}
			Set<String> passwords = new HashSet<>();
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(new GZIPInputStream(resource), StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					passwords.add(PythonStrings.strip(PythonStrings.lower(line)));
				}
			} catch (IOException e) {
				throw new UncheckedIOException("cannot read " + RESOURCE, e);
			}
			return Set.copyOf(passwords);
		}
	}
}
