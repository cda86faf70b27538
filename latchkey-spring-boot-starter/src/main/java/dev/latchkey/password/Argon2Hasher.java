package dev.latchkey.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * Django's {@code Argon2PasswordHasher}:
 * {@code argon2$<variety>$v=<version>$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, i.e.
 * {@code "argon2"} followed by the PHC string of argon2-cffi, with unpadded standard base64.
 *
 * <p>Verifies argon2id, argon2i and argon2d at versions 19 and 16 (a missing {@code v=} means 16,
 * as in argon2-cffi), using the decoded hash's length as output length. Encodes argon2id, version
 * 19, 32-byte output, with Django's salt convention: a random alphanumeric string whose ASCII
 * bytes are the Argon2 salt.
 */
final class Argon2Hasher implements DjangoHasher {

	static final String ALGORITHM = "argon2";
	private static final String VARIETY = "argon2id";
	private static final int ARGON2ID = org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id;
	private static final int VERSION = org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13;
	private static final int HASH_LENGTH = 32;
	// Minimums enforced by the reference implementation (libargon2) that argon2-cffi wraps.
	private static final int MIN_SALT_LENGTH = 8;
	private static final int MIN_HASH_LENGTH = 4;
	private static final Map<String, Integer> TYPES = Map.of(
			VARIETY, ARGON2ID,
			"argon2i", org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_i,
			"argon2d", org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_d);
	private static final Map<String, Integer> VERSIONS = Map.of(
			"v=19", VERSION,
			"v=16", org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_10);
	private static final Pattern COSTS = Pattern.compile("m=([0-9]{1,10}),t=([0-9]{1,10}),p=([0-9]{1,10})");
	private static final Pattern BASE64_NO_PADDING = Pattern.compile("[A-Za-z0-9+/]+");

	private final Argon2Parameters current;

	Argon2Hasher(Argon2Parameters current) {
		this.current = current;
	}

	@Override
	public String algorithm() {
		return ALGORITHM;
	}

	/** Django's {@code encode(password, salt)} with the current parameters. */
	String encode(CharSequence raw, String salt) {
		byte[] saltBytes = salt.getBytes(StandardCharsets.US_ASCII);
		byte[] hash = derive(ARGON2ID, VERSION, current, saltBytes, PasswordBytes.utf8(raw), HASH_LENGTH);
		Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
		return ALGORITHM + "$" + VARIETY + "$v=" + VERSION + "$m=" + current.memoryKib() + ",t="
				+ current.iterations() + ",p=" + current.parallelism() + "$" + base64.encodeToString(saltBytes)
				+ "$" + base64.encodeToString(hash);
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		Stored stored = parse(encoded);
		if (stored == null) {
			return false;
		}
		byte[] actual = derive(stored.type(), stored.version(), stored.costs(), stored.salt(), PasswordBytes.utf8(raw),
				stored.hash().length);
		return MessageDigest.isEqual(actual, stored.hash());
	}

	/** Anything but argon2id, version 19, the current m/t/p and a 32-byte hash is re-hashed. */
	@Override
	public boolean needsUpgrade(String encoded) {
		Stored stored = parse(encoded);
		return stored == null || stored.type() != ARGON2ID || stored.version() != VERSION
				|| !stored.costs().equals(current) || stored.hash().length != HASH_LENGTH;
	}

	private static byte[] derive(int type, int version, Argon2Parameters costs, byte[] salt, byte[] password,
			int length) {
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(type)
				.withVersion(version)
				.withMemoryAsKB(costs.memoryKib())
				.withIterations(costs.iterations())
				.withParallelism(costs.parallelism())
				.withSalt(salt)
				// On a hashing thread, its kept blocks: no 19 MiB of garbage per hash.
				.withBlockPool(HashingThread.currentBlockPool())
				.build());
		byte[] out = new byte[length];
		generator.generateBytes(password, out);
		return out;
	}

	/** Parses a Django argon2 string, or returns null when libargon2 would reject it. */
	private static Stored parse(String encoded) {
		String[] bits = encoded.split("\\$", -1);
		if ((bits.length != 5 && bits.length != 6) || !bits[0].equals(ALGORITHM) || !TYPES.containsKey(bits[1])) {
			return null;
		}
		Integer version = bits.length == 5 ? VERSIONS.get("v=16") : VERSIONS.get(bits[2]);
		String b64Salt = bits[bits.length - 2];
		String b64Hash = bits[bits.length - 1];
		Matcher costs = COSTS.matcher(bits[bits.length - 3]);
		if (version == null || !costs.matches() || !BASE64_NO_PADDING.matcher(b64Salt).matches()
				|| !BASE64_NO_PADDING.matcher(b64Hash).matches()) {
			return null;
		}
		try {
			Argon2Parameters parameters = new Argon2Parameters(Integer.parseInt(costs.group(1)),
					Integer.parseInt(costs.group(2)), Integer.parseInt(costs.group(3)));
			byte[] salt = Base64.getDecoder().decode(b64Salt);
			byte[] hash = Base64.getDecoder().decode(b64Hash);
			if (salt.length < MIN_SALT_LENGTH || hash.length < MIN_HASH_LENGTH) {
				return null;
			}
			return new Stored(TYPES.get(bits[1]), version, parameters, salt, hash);
		} catch (IllegalArgumentException e) { // out-of-range costs or undecodable base64
			return null;
		}
	}

	private record Stored(int type, int version, Argon2Parameters costs, byte[] salt, byte[] hash) {
	}
}
