package dev.latchkey.server.hostile;

import java.util.Arrays;
import java.util.Random;

import com.nimbusds.jose.util.Base64URL;

/**
 * Seeded mutations of a valid compact token (bit flips, base64 character substitutions,
 * truncations, insertions, deletions, segment swaps and splices, padding and alphabet tricks) and
 * random inputs, plus the oracle that says whether a mutant is "the same token": identical header
 * and payload text (what the HMAC covers) and a signature that decodes, as the server decodes it, to
 * the same bytes. Only such a mutant may ever be accepted.
 */
final class TokenMutator {

	static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private static final String EXTRA = "+/=. \t!*%\"\\";

	private final Random random;

	TokenMutator(long seed) {
		this.random = new Random(seed);
	}

	/** A mutant of {@code token} (or of {@code other} spliced in) and the name of its mutation. */
	record Mutant(String kind, String token) {
	}

	Mutant mutate(String token, String other) {
		String[] parts = token.split("\\.", -1);
		String[] otherParts = other.split("\\.", -1);
		int kind = this.random.nextInt(14);
		return switch (kind) {
			case 0 -> new Mutant("bit flip", flipBits(token, 1));
			case 1 -> new Mutant("bit flips x3", flipBits(token, 3));
			case 2 -> new Mutant("base64 substitution", substitute(token, BASE64URL));
			case 3 -> new Mutant("foreign character substitution", substitute(token, EXTRA));
			case 4 -> new Mutant("truncation", token.substring(0, this.random.nextInt(token.length())));
			case 5 -> new Mutant("insertion", insert(token));
			case 6 -> new Mutant("deletion", delete(token));
			case 7 -> new Mutant("segment swap", swapSegments(parts));
			case 8 -> new Mutant("segment splice from another token", splice(parts, otherParts));
			case 9 -> new Mutant("segment duplicated", duplicateSegment(parts));
			case 10 -> new Mutant("last signature character changed (padding bits)", lastCharacter(parts));
			case 11 -> new Mutant("padding or alphabet trick", paddingOrAlphabet(token));
			case 12 -> new Mutant("random bytes (ISO-8859-1)", randomBytes());
			default -> new Mutant("random base64url segments", randomSegments());
		};
	}

	private String flipBits(String token, int flips) {
		char[] chars = token.toCharArray();
		for (int i = 0; i < flips; i++) {
			int index = this.random.nextInt(chars.length);
			chars[index] = (char) ((chars[index] ^ (1 << this.random.nextInt(8))) & 0xFF);
		}
		return new String(chars);
	}

	private String substitute(String token, String alphabet) {
		int index = this.random.nextInt(token.length());
		return token.substring(0, index) + alphabet.charAt(this.random.nextInt(alphabet.length())) + token.substring(index + 1);
	}

	private String insert(String token) {
		int index = this.random.nextInt(token.length() + 1);
		String alphabet = this.random.nextBoolean() ? BASE64URL : EXTRA;
		return token.substring(0, index) + alphabet.charAt(this.random.nextInt(alphabet.length())) + token.substring(index);
	}

	private String delete(String token) {
		int index = this.random.nextInt(token.length());
		return token.substring(0, index) + token.substring(index + 1);
	}

	private String swapSegments(String[] parts) {
		int[][] orders = { { 1, 0, 2 }, { 0, 2, 1 }, { 2, 1, 0 }, { 1, 2, 0 }, { 2, 0, 1 } };
		int[] order = orders[this.random.nextInt(orders.length)];
		return parts[order[0]] + "." + parts[order[1]] + "." + parts[order[2]];
	}

	private String splice(String[] parts, String[] otherParts) {
		String[] spliced = Arrays.copyOf(parts, parts.length);
		int index = this.random.nextInt(3);
		spliced[index] = otherParts[index];
		return String.join(".", spliced);
	}

	private String duplicateSegment(String[] parts) {
		int index = this.random.nextInt(3);
		return switch (this.random.nextInt(3)) {
			case 0 -> String.join(".", parts) + "." + parts[index];
			case 1 -> parts[index] + "." + String.join(".", parts);
			default -> parts[0] + "." + parts[1] + "." + parts[index] + parts[2];
		};
	}

	private String lastCharacter(String[] parts) {
		String signature = parts[2];
		char replacement = BASE64URL.charAt(this.random.nextInt(BASE64URL.length()));
		return parts[0] + "." + parts[1] + "." + signature.substring(0, signature.length() - 1) + replacement;
	}

	private String paddingOrAlphabet(String token) {
		return switch (this.random.nextInt(5)) {
			case 0 -> token + "=";
			case 1 -> token + "==";
			case 2 -> token.replace('-', '+').replace('_', '/');
			case 3 -> token.replace(".", "=.");
			default -> " " + token + " ";
		};
	}

	private String randomBytes() {
		byte[] bytes = new byte[this.random.nextInt(300)];
		this.random.nextBytes(bytes);
		return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	private String randomSegments() {
		StringBuilder token = new StringBuilder();
		for (int segment = 0; segment < 3; segment++) {
			if (segment > 0) {
				token.append('.');
			}
			int length = this.random.nextInt(120);
			for (int i = 0; i < length; i++) {
				token.append(BASE64URL.charAt(this.random.nextInt(BASE64URL.length())));
			}
		}
		return token.toString();
	}

	/**
	 * Whether a mutant is the original token in another spelling: the HMAC covers the header and
	 * payload text, so those must be identical; the signature must decode to the same bytes.
	 */
	static boolean sameToken(String original, String mutant) {
		String[] a = original.split("\\.", -1);
		String[] b = mutant.trim().split("\\.", -1); // Nimbus trims the compact form (String.trim) before parsing
		if (b.length != 3 || !a[0].equals(b[0]) || !a[1].equals(b[1])) {
			return false;
		}
		return Arrays.equals(new Base64URL(a[2]).decode(), new Base64URL(b[2]).decode());
	}

}
