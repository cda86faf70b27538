package dev.latchkey.password;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hashers Django 3.2 can verify, and Django's {@code identify_hasher(encoded)} rule for
 * choosing one: unsalted MD5 and SHA-1 are recognised by length and shape, everything else by the
 * text before the first {@code $}.
 */
final class DjangoHashers {

	private final DjangoHasher unsaltedMd5 = UnsaltedDigestHasher.md5();
	private final DjangoHasher unsaltedSha1 = UnsaltedDigestHasher.sha1();
	private final Map<String, DjangoHasher> byAlgorithm;

	DjangoHashers(Argon2Hasher argon2) {
		this.byAlgorithm = List.of(Pbkdf2Hasher.sha256(), Pbkdf2Hasher.sha1(), argon2, BcryptHasher.sha256(),
						BcryptHasher.plain(), SaltedDigestHasher.sha1(), SaltedDigestHasher.md5(), new CryptHasher())
				.stream()
				.collect(Collectors.toUnmodifiableMap(DjangoHasher::algorithm, Function.identity()));
	}

	/** The hasher Django would pick for {@code encoded}, if it knows one. */
	Optional<DjangoHasher> identify(String encoded) {
		int length = PythonStrings.length(encoded);
		if ((length == 32 && encoded.indexOf('$') < 0) || (length == 37 && encoded.startsWith("md5$$"))) {
			return Optional.of(unsaltedMd5);
		}
		if (length == 46 && encoded.startsWith("sha1$$")) {
			return Optional.of(unsaltedSha1);
		}
		int separator = encoded.indexOf('$');
		return Optional.ofNullable(byAlgorithm.get(separator < 0 ? encoded : encoded.substring(0, separator)));
	}
}
