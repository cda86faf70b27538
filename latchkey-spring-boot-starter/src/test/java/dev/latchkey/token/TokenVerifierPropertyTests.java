package dev.latchkey.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.latchkey.token.key.NimbusTokenCodec;

/**
 * Property-based tests (jqwik 1.10 on JUnit Platform 6) of {@link TokenVerifier} over
 * {@link NimbusTokenCodec}: whatever it is given, it either accepts a token or throws
 * {@link InvalidTokenException}, nothing else; and it never accepts a token that differs from a
 * valid one unless the difference decodes to the very same bytes.
 *
 * <ul>
 * <li>random inputs: bytes, base64url soup, three random segments, a real header with garbage;</li>
 * <li>mutations of valid access and refresh tokens: bit flips, base64 and foreign character
 * substitutions, truncations, insertions, deletions, segment swaps, splices from another user's
 * token, duplicated segments, the last signature character (whose low bits are base64 padding),
 * padding and alphabet tricks;</li>
 * <li>correctly signed tokens whose claims hold hostile values (numbers out of every range, wrong
 * JSON types, missing claims, duplicate keys): signed with the real key, so the only thing wrong
 * is the claim.</li>
 * </ul>
 */
class TokenVerifierPropertyTests {

	private static final byte[] KEY = "property-test-signing-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);

	private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final NimbusTokenCodec CODEC = new NimbusTokenCodec(KEY, JWSAlgorithm.HS256);

	private static final TokenVerifier VERIFIER = new TokenVerifier(CODEC, TokenSettings.defaults(), CLOCK);

	private static final TokenIssuer ISSUER = new TokenIssuer(CODEC, TokenSettings.defaults(), CLOCK);

	private static final String ACCESS = ISSUER.issueAccess(42, "f00d");

	private static final String REFRESH = ISSUER.issuePair(42, "f00d", Instant.MAX).pair().refresh();

	private static final String OTHER_USER = ISSUER.issueAccess(43, "beef");

	private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private static final String FOREIGN = "+/=. \t\n\0!*%\"\\é€";

	// ---------------------------------------------------------------- random input

	@Property(tries = 500)
	void randomInputIsRefusedWithInvalidTokenExceptionOnly(@ForAll("randomInputs") String input) {
		for (TokenType type : TokenType.values()) {
			assertRefused(input, () -> VERIFIER.verify(input, type));
		}
		assertRefused(input, () -> VERIFIER.verifyUntyped(input));
		assertRefused(input, () -> CODEC.decode(input));
	}

	@Provide
	Arbitrary<String> randomInputs() {
		Arbitrary<String> latin1 = Arbitraries.bytes().array(byte[].class).ofMaxSize(400)
			.map((bytes) -> new String(bytes, StandardCharsets.ISO_8859_1));
		Arbitrary<String> utf8 = Arbitraries.bytes().array(byte[].class).ofMaxSize(400)
			.map((bytes) -> new String(bytes, StandardCharsets.UTF_8));
		Arbitrary<String> soup = Arbitraries.strings().withChars(BASE64URL + ".=").ofMaxLength(400);
		Arbitrary<String> segment = Arbitraries.strings().withChars(BASE64URL).ofMaxLength(200);
		Arbitrary<String> threeSegments = Combinators.combine(segment, segment, segment).as((h, p, s) -> h + "." + p + "." + s);
		Arbitrary<String> realHeader = Combinators.combine(segment, segment)
			.as((p, s) -> ACCESS.substring(0, ACCESS.indexOf('.')) + "." + p + "." + s);
		Arbitrary<String> anyUnicode = Arbitraries.strings().all().ofMaxLength(200);
		Arbitrary<String> huge = Arbitraries.integers().between(8_000, 20_000).map((n) -> "a.".repeat(n / 2));
		return Arbitraries.oneOf(latin1, utf8, soup, threeSegments, realHeader, anyUnicode, huge);
	}

	// ---------------------------------------------------------------- mutations of valid tokens

	/** A mutant, the token it came from, and how it was made. */
	record Mutant(String kind, String original, String token) {

		@Override
		public String toString() {
			return this.kind + ": " + this.token;
		}

	}

	@Property(tries = 500)
	void mutantIsRefusedUnlessItIsTheSameToken(@ForAll("mutants") Mutant mutant) {
		TokenType type = mutant.original().equals(REFRESH) ? TokenType.REFRESH : TokenType.ACCESS;
		VerifiedToken verified;
		try {
			verified = VERIFIER.verify(mutant.token(), type);
		}
		catch (InvalidTokenException ex) {
			Statistics.label("outcome").collect("refused");
			Statistics.label("mutation").collect(mutant.kind());
			return;
		}
		catch (RuntimeException ex) {
			fail("Threw " + ex + " rather than InvalidTokenException for " + mutant);
			return;
		}
		Statistics.label("outcome").collect("accepted: same token in another spelling");
		Statistics.label("mutation").collect(mutant.kind());
		assertThat(sameToken(mutant.original(), mutant.token()))
			.as("a token that differs from the valid one was accepted: %s", mutant).isTrue();
		assertThat(verified.claims()).isEqualTo(VERIFIER.verify(mutant.original(), type).claims());
	}

	@Provide
	Arbitrary<Mutant> mutants() {
		Arbitrary<String> originals = Arbitraries.of(ACCESS, REFRESH);
		Arbitrary<Integer> anyIndex = Arbitraries.integers().between(0, ACCESS.length() + 200);
		Arbitrary<Integer> bit = Arbitraries.integers().between(0, 7);
		Arbitrary<Character> base64Char = Arbitraries.chars().with(BASE64URL.toCharArray());
		Arbitrary<Character> foreignChar = Arbitraries.chars().with(FOREIGN.toCharArray());
		Arbitrary<Mutant> bitFlip = Combinators.combine(originals, anyIndex.list().ofMinSize(1).ofMaxSize(3), bit)
			.as((original, indexes, b) -> {
				char[] chars = original.toCharArray();
				for (int index : indexes) {
					int i = index % chars.length;
					chars[i] = (char) ((chars[i] ^ (1 << b)) & 0xFF);
				}
				return new Mutant("bit flip x" + indexes.size(), original, new String(chars));
			});
		Arbitrary<Mutant> substitution = Combinators.combine(originals, anyIndex, Arbitraries.oneOf(base64Char, foreignChar))
			.as((original, index, c) -> {
				int i = index % original.length();
				return new Mutant(BASE64URL.indexOf(c) >= 0 ? "base64 substitution" : "foreign character substitution", original,
						original.substring(0, i) + c + original.substring(i + 1));
			});
		Arbitrary<Mutant> truncation = Combinators.combine(originals, anyIndex)
			.as((original, index) -> new Mutant("truncation", original, original.substring(0, index % original.length())));
		Arbitrary<Mutant> insertion = Combinators.combine(originals, anyIndex, Arbitraries.oneOf(base64Char, foreignChar))
			.as((original, index, c) -> {
				int i = index % (original.length() + 1);
				return new Mutant("insertion", original, original.substring(0, i) + c + original.substring(i));
			});
		Arbitrary<Mutant> deletion = Combinators.combine(originals, anyIndex).as((original, index) -> {
			int i = index % original.length();
			return new Mutant("deletion", original, original.substring(0, i) + original.substring(i + 1));
		});
		Arbitrary<Mutant> segments = Combinators.combine(originals, Arbitraries.of(SEGMENT_LAYOUTS))
			.as((original, layout) -> new Mutant("segments " + layout, original, layout(original, layout)));
		Arbitrary<Mutant> lastSignatureCharacter = Combinators.combine(originals, base64Char).as((original, c) ->
				new Mutant("last signature character (padding bits)", original, original.substring(0, original.length() - 1) + c));
		Arbitrary<Mutant> tricks = Combinators.combine(originals, Arbitraries.of(TRICKS))
			.as((original, trick) -> new Mutant(trick, original, trick(original, trick)));
		return Arbitraries.oneOf(bitFlip, substitution, truncation, insertion, deletion, segments, lastSignatureCharacter, tricks);
	}

	private static final List<String> SEGMENT_LAYOUTS = List.of("p.h.s", "h.s.p", "s.p.h", "h.p", "h.p.", "h.p.s.s", "h.h.s",
			"h.p.p", "h.p.ss", "h.p.s.", ".h.p.s", "h.p'.s", "h'.p.s", "h.p.s'", "h..p.s");

	/** Rearrange segments; a primed letter is that segment of another user's token. */
	private static String layout(String original, String layout) {
		String[] mine = original.split("\\.", -1);
		String[] theirs = OTHER_USER.split("\\.", -1);
		StringBuilder token = new StringBuilder();
		for (int i = 0; i < layout.length(); i++) {
			char c = layout.charAt(i);
			boolean primed = i + 1 < layout.length() && layout.charAt(i + 1) == '\'';
			String[] source = primed ? theirs : mine;
			switch (c) {
				case 'h' -> token.append(source[0]);
				case 'p' -> token.append(source[1]);
				case 's' -> token.append(source[2]);
				case '.' -> token.append('.');
				default -> {
				}
			}
		}
		return token.toString();
	}

	private static final List<String> TRICKS = List.of("padding '=' appended", "padding '==' appended",
			"standard base64 alphabet", "padding before each dot", "surrounding whitespace", "upper-cased", "lower-cased",
			"signature re-encoded with padding", "signature with an illegal character inside");

	private static String trick(String original, String trick) {
		String[] parts = original.split("\\.", -1);
		return switch (trick) {
			case "padding '=' appended" -> original + "=";
			case "padding '==' appended" -> original + "==";
			case "standard base64 alphabet" -> original.replace('-', '+').replace('_', '/');
			case "padding before each dot" -> original.replace(".", "=.");
			case "surrounding whitespace" -> " " + original + "\n";
			case "upper-cased" -> original.toUpperCase();
			case "lower-cased" -> original.toLowerCase();
			case "signature re-encoded with padding" -> parts[0] + "." + parts[1] + "."
					+ java.util.Base64.getUrlEncoder().encodeToString(new Base64URL(parts[2]).decode());
			default -> parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "!" + parts[2].substring(10);
		};
	}

	// ---------------------------------------------------------------- correctly signed, hostile claims

	@Property(tries = 400)
	void correctlySignedTokenWithHostileClaimsIsAcceptedOrRefusedNeverFails(@ForAll("hostileClaimSets") String payload) {
		String token = sign(payload);
		for (TokenType type : TokenType.values()) {
			outcome(token, () -> VERIFIER.verify(token, type));
		}
		String outcome = outcome(token, () -> VERIFIER.verifyUntyped(token));
		Statistics.label("outcome").collect(outcome);
	}

	/** Claim names in SimpleJWT's order, each with a valid value for the fixed clock. */
	private static final Map<String, String> VALID_CLAIMS = validClaims();

	private static Map<String, String> validClaims() {
		Map<String, String> claims = new LinkedHashMap<>();
		claims.put("token_type", "\"access\"");
		claims.put("exp", Long.toString(NOW.getEpochSecond() + 300));
		claims.put("iat", Long.toString(NOW.getEpochSecond()));
		claims.put("jti", "\"0123456789abcdef0123456789abcdef\"");
		claims.put("user_id", "42");
		claims.put("nbf", Long.toString(NOW.getEpochSecond() - 10));
		claims.put("sid", "\"f00d\"");
		return claims;
	}

	private static final List<String> HOSTILE_VALUES = List.of("0", "-1", "1", "1.5", "-0", "1e400", "-1e400", "1e15", "1e-7",
			"9999999999", "9999999999.5", "99999999999999999999", "9223372036854775807", "-9223372036854775808",
			"9223372036854775808", "18446744073709551616", "31556889864403199", "31556889864403200", "-31557014167219200",
			"-31557014167219201", "253402300799", "253402300800", Long.toString(NOW.getEpochSecond()),
			Long.toString(NOW.getEpochSecond() + 1), Long.toString(NOW.getEpochSecond() - 1), "null", "true", "false",
			"\"\"", "\"9999999999\"", "\"42\"", "\"0042\"", "\"-42\"", "\"4 2\"", "\"1e3\"", "\"999999999999999999\"",
			"\"9999999999999999999\"", "\"access\"", "\"refresh\"", "\"sliding\"", "\"ACCESS\"", "[]", "[\"access\"]", "[42]", "{}",
			"{\"$numberLong\":\"42\"}");

	@Provide
	Arbitrary<String> hostileClaimSets() {
		List<String> names = List.copyOf(VALID_CLAIMS.keySet());
		// Uniform longs (jqwik's own integral generators favour small numbers), the edge values above,
		// and doubles; weighted so that most tokens stay parseable and reach the claim checks.
		Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(HOSTILE_VALUES)),
				Tuple.of(2, Arbitraries.randomValue((random) -> Long.toString(random.nextLong()))),
				Tuple.of(1, Arbitraries.randomValue((random) -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(30))))));
		Arbitrary<Tuple.Tuple2<String, String>> corruption = Combinators.combine(Arbitraries.of(names), value).as(Tuple::of);
		Arbitrary<String> extra = Arbitraries.frequency(Tuple.of(17, ""), Tuple.of(1, ",\"user_id\":43"), Tuple.of(1, ",\"exp\":1"),
				Tuple.of(1, ",\"token_type\":\"refresh\""));
		Arbitrary<List<String>> removed = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(List.<String>of())),
				Tuple.of(1, Arbitraries.of(names).map(List::of)));
		return Combinators.combine(corruption.list().ofMinSize(1).ofMaxSize(2), removed, extra)
			.as((corruptions, dropped, duplicate) -> {
				Map<String, String> claims = new LinkedHashMap<>(VALID_CLAIMS);
				corruptions.forEach((c) -> claims.put(c.get1(), c.get2()));
				dropped.forEach(claims::remove);
				StringBuilder json = new StringBuilder("{");
				claims.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
				return json.append(duplicate).append('}').toString();
			});
	}

	// ---------------------------------------------------------------- helpers

	private static void assertRefused(String input, Runnable verification) {
		try {
			verification.run();
		}
		catch (InvalidTokenException ex) {
			return;
		}
		catch (RuntimeException ex) {
			fail("Threw " + ex + " rather than InvalidTokenException for " + printable(input), ex);
		}
		fail("Accepted a random input: " + printable(input));
	}

	/** Accepted or refused with InvalidTokenException; any other exception fails the property. */
	private static String outcome(String token, Runnable verification) {
		try {
			verification.run();
			return "accepted";
		}
		catch (InvalidTokenException ex) {
			return "refused: " + ex.getMessage();
		}
		catch (RuntimeException ex) {
			return fail("Threw " + ex + " rather than InvalidTokenException for payload "
					+ new String(new Base64URL(token.split("\\.")[1]).decode(), StandardCharsets.UTF_8), ex);
		}
	}

	/**
	 * Header and payload text identical (what the HMAC covers), signature decoding to the same
	 * bytes. Nimbus trims the compact form first ({@link String#trim()}: every char up to U+0020),
	 * so the comparison does too.
	 */
	static boolean sameToken(String original, String mutant) {
		String[] a = original.split("\\.", -1);
		String[] b = mutant.trim().split("\\.", -1);
		if (b.length != 3 || !a[0].equals(b[0]) || !a[1].equals(b[1])) {
			return false;
		}
		return Arrays.equals(new Base64URL(a[2]).decode(), new Base64URL(b[2]).decode());
	}

	/** The standard header over a raw payload string, signed with the real key through Nimbus. */
	private static String sign(String payload) {
		try {
			JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
					new Payload(payload));
			jws.sign(new MACSigner(KEY));
			return jws.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().limit(300).forEach((c) -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u%04x", c)));
		return out.toString();
	}

}
