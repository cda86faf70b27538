package dev.latchkey.server.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static dev.latchkey.server.hostile.HostileAssertions.fieldError;
import static dev.latchkey.server.hostile.HostileAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, part 4: malformed requests of every kind against sign-up, login, refresh, verify and the
 * user API: wrong and garbage content types, malformed and deeply nested JSON, invalid UTF-8, lone
 * surrogates, NUL and control characters in every field, overlong fields, wrong JSON types,
 * {@code null}s, empty and oversized bodies, huge headers, methods not allowed, unknown paths and
 * odd request targets. Each case is named; each must be answered with the contract's 4xx as a DRF
 * JSON body, never a 5xx, a stack trace or an HTML page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestCorpusIntegrationTests extends HostileServerTestBase {

	static final String SIGNUP = "/api/auth/signup/";

	static final String LOGIN = "/api/token/";

	static final String REFRESH = "/api/token/refresh/";

	static final String VERIFY = "/api/token/verify/";

	static final String USER = "/api/auth/user/";

	static final String NULL_CHARACTERS = "Null characters are not allowed.";

	static final String NO_ACCOUNT = "No active account found with the given credentials";

	private Fixture fixture;

	/** A signed-up user to log in as and an access token for the cases that need one. */
	record Fixture(String username, String access) {
	}

	@BeforeAll
	void signUpOneUser() {
		String username = uniqueUsername();
		JsonNode body = signUp(http(), username);
		this.fixture = new Fixture(username, body.path("token").path("access").asString());
	}

	/** One named request and what its answer must be. */
	record Case(String name, Function<Fixture, RawHttp.Request> request, Consumer<RawHttp.Response> expectation) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@ParameterizedTest(name = "{0}", quoteTextArguments = false)
	@MethodSource("corpus")
	void refusedAsJson(String name, Case hostile) {
		RawHttp.Response response = http().send(hostile.request().apply(this.fixture));
		HostileAssertions.named(name, () -> hostile.expectation().accept(response));
	}

	/**
	 * DRF refuses NUL, but not other control characters, in free-text fields (a display name, a
	 * password): such values are accepted, stored and given back verbatim, as JSON escapes.
	 */
	@ParameterizedTest(name = "POST /api/auth/signup/ · {0} inside name and password: stored and echoed verbatim", quoteTextArguments = false)
	@MethodSource("freeTextControls")
	void freeTextControlCharactersKeptVerbatim(String label, String control) {
		String username = uniqueUsername();
		String name = "Al" + control + "ice";
		String password = "Str0ng-" + control + "Passw0rd!";
		Map<String, Object> body = signUpBody(username);
		body.put("name", name);
		body.put("password", password);
		RawHttp.Response created = http().send(RawHttp.Request.json("POST", SIGNUP, json(body)));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		JsonNode signedUp = HostileAssertions.JSON.readTree(created.rawBody());
		assertThat(signedUp.path("user").path("name").asString()).isEqualTo(name);
		RawHttp.Response me = http().send(RawHttp.Request.of("GET", USER)
			.header("Authorization", "Bearer " + signedUp.path("token").path("access").asString()));
		assertThat(HostileAssertions.JSON.readTree(me.rawBody()).path("name").asString()).isEqualTo(name);
		RawHttp.Response login = http().send(RawHttp.Request.json("POST", LOGIN, json(Map.of("username", username, "password", password))));
		assertThat(login.status()).as("%s", login).isEqualTo(200);
	}

	static Stream<Arguments> freeTextControls() {
		return Stream.of(Arguments.of("U+0001 SOH", "\u0001"), Arguments.of("U+001B ESCAPE", "\u001b"),
				Arguments.of("U+007F DELETE", "\u007f"), Arguments.of("U+202E RIGHT-TO-LEFT OVERRIDE", "\u202e"),
				Arguments.of("U+2028 LINE SEPARATOR", "\u2028"));
	}

	static Stream<Arguments> corpus() {
		return CASES.stream().map((c) -> Arguments.of(c.name(), c));
	}

	// ---------------------------------------------------------------- expectations

	static Consumer<RawHttp.Response> status(int status) {
		return (response) -> refused(response, status);
	}

	static Consumer<RawHttp.Response> between(int low, int high) {
		return (response) -> refused(response, low, high);
	}

	static Consumer<RawHttp.Response> detail(int status, String detail) {
		return (response) -> assertThat(refused(response, status).path("detail").asString()).isEqualTo(detail);
	}

	static Consumer<RawHttp.Response> detailStartsWith(int status, String prefix) {
		return (response) -> assertThat(refused(response, status).path("detail").asString()).startsWith(prefix);
	}

	static Consumer<RawHttp.Response> fieldErrorIs(String field, String message) {
		return (response) -> assertThat(fieldError(refused(response, 400), field)).as("%s error", field).isEqualTo(message);
	}

	static Consumer<RawHttp.Response> fieldErrorOn(String field) {
		return (response) -> assertThat(fieldError(refused(response, 400), field)).as("%s error: %s", field, response).isNotNull();
	}

	static Consumer<RawHttp.Response> unsupportedMediaType(String contentType) {
		return detail(415, "Unsupported media type \"" + contentType + "\" in request.");
	}

	static Consumer<RawHttp.Response> methodNotAllowed(String method) {
		return detail(405, "Method \"" + method + "\" not allowed.");
	}

	// ---------------------------------------------------------------- bodies

	/** JSON written by Jackson (control characters escaped as JSON requires). */
	static byte[] json(Map<String, ?> body) {
		return HostileAssertions.JSON.writeValueAsBytes(body);
	}

	static Map<String, Object> signUpBody(String username) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", PASSWORD);
		body.put("name", "Alice");
		body.put("email", "alice@example.com");
		return body;
	}

	/** A sign-up that is valid but for one field. */
	static Function<Fixture, RawHttp.Request> signUpWith(String field, Object value) {
		return (f) -> {
			Map<String, Object> body = signUpBody(uniqueUsername());
			body.put(field, value);
			return RawHttp.Request.json("POST", SIGNUP, json(body));
		};
	}

	/** A login as the fixture's user, with one field replaced. */
	static Function<Fixture, RawHttp.Request> loginWith(String field, Object value) {
		return (f) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("username", f.username());
			body.put("password", PASSWORD);
			body.put(field, value);
			return RawHttp.Request.json("POST", LOGIN, json(body));
		};
	}

	/** Raw bytes spliced into the username (sign-up) or password (login) string of a JSON body. */
	static Function<Fixture, RawHttp.Request> rawJsonValue(String path, String field, byte[] raw) {
		return (f) -> {
			String user = path.equals(SIGNUP) ? uniqueUsername() : f.username();
			byte[] body = field.equals("username")
					? concat(bytes("{\"username\":\""), raw, bytes("\",\"password\":\"" + PASSWORD + "\"}"))
					: concat(bytes("{\"username\":\"" + user + "\",\"password\":\""), raw, bytes("\"}"));
			return RawHttp.Request.json("POST", path, body);
		};
	}

	static Function<Fixture, RawHttp.Request> post(String path, String contentType, byte[] body) {
		return (f) -> {
			RawHttp.Request request = RawHttp.Request.of("POST", path).body(body);
			return (contentType != null) ? request.header("Content-Type", contentType) : request;
		};
	}

	static Function<Fixture, RawHttp.Request> postJson(String path, String json) {
		return (f) -> RawHttp.Request.json("POST", path, json);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	static byte[] oversizedJson() {
		return bytes("{\"username\":\"" + "a".repeat(70 * 1024) + "\",\"password\":\"x\"}");
	}

	// ---------------------------------------------------------------- the corpus

	private static final List<Case> CASES = new ArrayList<>();

	private static void add(String name, Function<Fixture, RawHttp.Request> request, Consumer<RawHttp.Response> expectation) {
		CASES.add(new Case(name, request, expectation));
	}

	static {
		String loginJson = "{\"username\":\"no_such_user_hostile\",\"password\":\"" + PASSWORD + "\"}";

		// Content types DRF's parsers do not take: 415.
		for (String path : List.of(SIGNUP, LOGIN)) {
			add("POST " + path + " · Content-Type text/plain", post(path, "text/plain", bytes(loginJson)),
					unsupportedMediaType("text/plain"));
			add("POST " + path + " · Content-Type application/xml",
					post(path, "application/xml", bytes("<user><username>a</username><password>b</password></user>")),
					unsupportedMediaType("application/xml"));
			add("POST " + path + " · Content-Type multipart/form-data with a well-formed multipart body",
					post(path, "multipart/form-data; boundary=XyZ", bytes("--XyZ\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nsomeone\r\n"
							+ "--XyZ\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n" + PASSWORD + "\r\n--XyZ--\r\n")),
					unsupportedMediaType("multipart/form-data; boundary=XyZ"));
			add("POST " + path + " · Content-Type \"///\"", post(path, "///", bytes(loginJson)), unsupportedMediaType("///"));
			add("POST " + path + " · Content-Type application/*", post(path, "application/*", bytes(loginJson)),
					unsupportedMediaType("application/*"));
			add("POST " + path + " · Content-Type */*", post(path, "*/*", bytes(loginJson)), unsupportedMediaType("*/*"));
			add("POST " + path + " · no Content-Type with a JSON body", post(path, null, bytes(loginJson)), status(415));
			add("POST " + path + " · Content-Type application/json; charset=ebcdic",
					post(path, "application/json; charset=ebcdic", bytes(loginJson)), between(400, 415));
			add("POST " + path + " · Content-Type application/x-www-form-urlencoded; charset=ebcdic",
					post(path, "application/x-www-form-urlencoded; charset=ebcdic", bytes("username=someone&password=x")),
					between(400, 415));
			add("POST " + path + " · Content-Type application/json; charset=\"unterminated",
					post(path, "application/json; charset=\"unterminated", bytes(loginJson)), between(400, 415));
			add("POST " + path + " · Content-Type with a 4 KB subtype",
					post(path, "application/" + "x".repeat(4096), bytes(loginJson)), unsupportedMediaType("application/" + "x".repeat(4096)));
			add("POST " + path + " · Content-Type with a byte 0xFF",
					(f) -> RawHttp.Request.of("POST", path).rawHeaderLine(concat(bytes("Content-Type: application/js"), new byte[] { (byte) 0xFF }, bytes("on")))
						.body(bytes(loginJson)), between(400, 415));
			add("POST " + path + " · two Content-Type headers (XML first)",
					(f) -> RawHttp.Request.of("POST", path).header("Content-Type", "application/xml").header("Content-Type", "application/json")
						.body(bytes(loginJson)), between(400, 415));
		}

		// Malformed and deeply nested JSON: 400 "JSON parse error - ...".
		Map<String, String> malformed = new LinkedHashMap<>();
		malformed.put("an unclosed object", "{");
		malformed.put("a trailing comma", "{\"username\": \"a\",}");
		malformed.put("single-quoted strings", "{'username': 'a'}");
		malformed.put("unquoted keys", "{username: \"a\"}");
		malformed.put("NaN", "{\"username\": NaN}");
		malformed.put("Infinity", "{\"username\": Infinity}");
		malformed.put("undefined", "{\"username\": undefined}");
		malformed.put("a missing comma", "{\"username\": \"a\" \"password\": \"b\"}");
		malformed.put("an unterminated string", "{\"username\": \"unterminated");
		malformed.put("a comment", "{\"username\": /* hi */ \"a\"}");
		malformed.put("a raw control character in a string", "{\"username\": \"a\u0001b\"}");
		malformed.put("a bad escape", "{\"username\": \"\\x41\"}");
		malformed.put("a truncated unicode escape", "{\"username\": \"\\u12\"}");
		malformed.put("a leading-zero number", "{\"username\": 0123}");
		malformed.put("a 100-digit number", "{\"username\": " + "9".repeat(100) + "}");
		malformed.put("objects nested 10,000 deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
		malformed.put("arrays nested 33 deep in a field", "{\"username\": " + "[".repeat(33) + "]".repeat(33) + "}");
		malformed.put("only whitespace", "   \r\n\t  ");
		malformed.put("a NUL byte", "\u0000");
		for (Map.Entry<String, String> entry : malformed.entrySet()) {
			for (String path : List.of(SIGNUP, LOGIN)) {
				add("POST " + path + " · malformed JSON: " + entry.getKey(), postJson(path, entry.getValue()),
						detailStartsWith(400, "JSON parse error - "));
			}
		}
		for (String path : List.of(SIGNUP, LOGIN)) {
			add("POST " + path + " · JSON followed by trailing garbage", postJson(path, loginJson + " garbage"), status(400));
			add("POST " + path + " · two JSON objects back to back", postJson(path, loginJson + loginJson), status(400));
			add("POST " + path + " · JSON with a UTF-8 BOM", post(path, "application/json",
					concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, bytes("{\"username\":\"bom\"}"))), status(400));
			add("POST " + path + " · arrays nested 20 deep as the username", postJson(path, "{\"username\": " + "[".repeat(20) + "]".repeat(20)
					+ ", \"password\": \"" + PASSWORD + "\"}"), fieldErrorIs("username", "Not a valid string."));
			add("POST " + path + " · top-level JSON array", postJson(path, "[" + loginJson + "]"),
					fieldErrorIs("non_field_errors", "Invalid data. Expected a dictionary, but got list."));
			add("POST " + path + " · top-level JSON string", postJson(path, "\"username\""),
					fieldErrorIs("non_field_errors", "Invalid data. Expected a dictionary, but got str."));
			add("POST " + path + " · top-level JSON integer", postJson(path, "42"),
					fieldErrorIs("non_field_errors", "Invalid data. Expected a dictionary, but got int."));
			add("POST " + path + " · top-level JSON float", postJson(path, "1.5"),
					fieldErrorIs("non_field_errors", "Invalid data. Expected a dictionary, but got float."));
			add("POST " + path + " · top-level JSON true", postJson(path, "true"),
					fieldErrorIs("non_field_errors", "Invalid data. Expected a dictionary, but got bool."));
			add("POST " + path + " · top-level JSON null", postJson(path, "null"), fieldErrorOn("non_field_errors"));
		}

		// NUL in every field: DRF's ProhibitNullCharactersValidator.
		for (String field : List.of("username", "password", "name", "email")) {
			String value = field.equals("email") ? "ali\u0000ce@example.com" : field.equals("password") ? PASSWORD + "\u0000" : "ali\u0000ce";
			add("POST " + SIGNUP + " · NUL in " + field, signUpWith(field, value), fieldErrorIs(field, NULL_CHARACTERS));
			add("POST " + SIGNUP + " · only a NUL as " + field, signUpWith(field, "\u0000"), fieldErrorIs(field, NULL_CHARACTERS));
		}
		for (String field : List.of("username", "password")) {
			add("POST " + LOGIN + " · NUL in " + field, loginWith(field, "ali\u0000ce"), fieldErrorIs(field, NULL_CHARACTERS));
		}
		add("POST " + REFRESH + " · NUL in refresh", postJson(REFRESH, "{\"refresh\": \"a.b\\u0000.c\"}"), fieldErrorIs("refresh", NULL_CHARACTERS));
		add("POST " + VERIFY + " · NUL in token", postJson(VERIFY, "{\"token\": \"a.b\\u0000.c\"}"), fieldErrorIs("token", NULL_CHARACTERS));
		add("POST " + LOGIN + " · NUL in a form-urlencoded username",
				post(LOGIN, "application/x-www-form-urlencoded", bytes("username=ali%00ce&password=x")), fieldErrorIs("username", NULL_CHARACTERS));

		// Other control characters: never a valid username or e-mail; unknown as credentials.
		Map<String, String> controls = new LinkedHashMap<>();
		controls.put("U+0001 SOH", "\u0001");
		controls.put("U+0008 BACKSPACE", "\u0008");
		controls.put("U+000A LINE FEED", "\n");
		controls.put("U+001B ESCAPE", "\u001b");
		controls.put("U+007F DELETE", "\u007f");
		controls.put("U+0085 NEXT LINE", "\u0085");
		controls.put("U+200B ZERO WIDTH SPACE", "\u200b");
		controls.put("U+2028 LINE SEPARATOR", "\u2028");
		controls.put("U+202E RIGHT-TO-LEFT OVERRIDE", "\u202e");
		controls.put("U+FEFF BYTE ORDER MARK", "\ufeff");
		for (Map.Entry<String, String> control : controls.entrySet()) {
			String c = control.getValue();
			add("POST " + SIGNUP + " · " + control.getKey() + " in username", signUpWith("username", "ali" + c + "ce"), fieldErrorOn("username"));
			add("POST " + SIGNUP + " · " + control.getKey() + " in email", signUpWith("email", "ali" + c + "ce@example.com"), fieldErrorOn("email"));
			add("POST " + LOGIN + " · " + control.getKey() + " in username", loginWith("username", "ali" + c + "ce"), detail(401, NO_ACCOUNT));
			add("POST " + LOGIN + " · " + control.getKey() + " in password", loginWith("password", "Str0ng-" + c + "Passw0rd!"), detail(401, NO_ACCOUNT));
		}

		// Overlong fields.
		add("POST " + SIGNUP + " · username of 10,000 characters", signUpWith("username", "u".repeat(10_000)),
				fieldErrorIs("username", "Ensure this field has no more than 150 characters."));
		add("POST " + SIGNUP + " · username of 151 characters", signUpWith("username", "u".repeat(151)),
				fieldErrorIs("username", "Ensure this field has no more than 150 characters."));
		add("POST " + SIGNUP + " · password of 5,000 characters", signUpWith("password", "p".repeat(5_000)),
				fieldErrorIs("password", "Ensure this field has no more than 4096 characters."));
		add("POST " + SIGNUP + " · name of 300 characters", signUpWith("name", "n".repeat(300)),
				fieldErrorIs("name", "Ensure this field has no more than 256 characters."));
		add("POST " + SIGNUP + " · email of 300 characters", signUpWith("email", "e".repeat(288) + "@example.com"), fieldErrorOn("email"));
		add("POST " + SIGNUP + " · username of 151 astral characters (302 UTF-16 units)", signUpWith("username", "\ud835\udc00".repeat(151)),
				fieldErrorOn("username"));
		add("POST " + LOGIN + " · username of 10,000 characters", loginWith("username", "u".repeat(10_000)), between(400, 401));
		add("POST " + LOGIN + " · password of 5,000 characters", loginWith("password", "p".repeat(5_000)),
				fieldErrorIs("password", "Ensure this field has no more than 4096 characters."));
		add("POST " + REFRESH + " · refresh of 10,000 characters", postJson(REFRESH, "{\"refresh\": \"" + "r".repeat(10_000) + "\"}"), between(400, 401));
		add("POST " + VERIFY + " · token of 10,000 characters", postJson(VERIFY, "{\"token\": \"" + "t".repeat(10_000) + "\"}"), between(400, 401));

		// Invalid UTF-8 in a JSON body: 400 "JSON parse error - ...".
		Map<String, byte[]> invalidUtf8 = new LinkedHashMap<>();
		invalidUtf8.put("0xC3 0x28 (bad continuation)", new byte[] { (byte) 0xC3, 0x28 });
		invalidUtf8.put("0xFF", new byte[] { (byte) 0xFF });
		invalidUtf8.put("0xED 0xA0 0x80 (encoded surrogate)", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
		invalidUtf8.put("0xF8 0x88 0x80 0x80 0x80 (5-byte form)", new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 });
		invalidUtf8.put("0xE2 0x82 (truncated sequence)", new byte[] { (byte) 0xE2, (byte) 0x82 });
		for (Map.Entry<String, byte[]> entry : invalidUtf8.entrySet()) {
			add("POST " + SIGNUP + " · invalid UTF-8 " + entry.getKey() + " in username", rawJsonValue(SIGNUP, "username", entry.getValue()),
					detailStartsWith(400, "JSON parse error - "));
			add("POST " + LOGIN + " · invalid UTF-8 " + entry.getKey() + " in password", rawJsonValue(LOGIN, "password", entry.getValue()),
					detailStartsWith(400, "JSON parse error - "));
		}
		// Jackson decodes these two leniently (DRF's strict UTF-8 decoding would answer "JSON parse error"):
		// refused all the same, as an invalid username or as wrong credentials.
		Map<String, byte[]> leniently = new LinkedHashMap<>();
		leniently.put("0xC0 0xAF (overlong '/')", new byte[] { (byte) 0xC0, (byte) 0xAF });
		leniently.put("0xF4 0x90 0x80 0x80 (above U+10FFFF)", new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 });
		for (Map.Entry<String, byte[]> entry : leniently.entrySet()) {
			add("POST " + SIGNUP + " · invalid UTF-8 " + entry.getKey() + " in username", rawJsonValue(SIGNUP, "username", entry.getValue()),
					status(400));
			add("POST " + LOGIN + " · invalid UTF-8 " + entry.getKey() + " in password", rawJsonValue(LOGIN, "password", entry.getValue()),
					between(400, 401));
		}
		add("POST " + LOGIN + " · invalid UTF-8 in a form-urlencoded body (%C3%28, %FF)",
				post(LOGIN, "application/x-www-form-urlencoded", bytes("username=%C3%28&password=%FF")), between(400, 401));
		add("POST " + LOGIN + " · malformed percent-encoding in a form-urlencoded body",
				post(LOGIN, "application/x-www-form-urlencoded", bytes("username=%zz&password=%")), between(400, 401));

		// Lone surrogate escapes: DRF's ProhibitSurrogateCharactersValidator.
		for (String escape : List.of("\\ud800", "\\udfff", "\\udc00\\ud800")) {
			String code = escape.substring(2, 6).toUpperCase();
			for (String field : List.of("username", "password", "name", "email")) {
				add("POST " + SIGNUP + " · lone surrogate " + escape + " in " + field, (f) -> RawHttp.Request.json("POST", SIGNUP,
						signUpJsonWithRaw(field, "a" + escape + "b" + (field.equals("email") ? "@example.com" : ""))),
						fieldErrorIs(field, "Surrogate characters are not allowed: U+" + code + "."));
			}
			for (String field : List.of("username", "password")) {
				add("POST " + LOGIN + " · lone surrogate " + escape + " in " + field, (f) -> RawHttp.Request.json("POST", LOGIN,
						field.equals("username") ? "{\"username\":\"a" + escape + "\",\"password\":\"x\"}"
								: "{\"username\":\"" + f.username() + "\",\"password\":\"a" + escape + "\"}"),
						fieldErrorIs(field, "Surrogate characters are not allowed: U+" + code + "."));
			}
		}

		// Huge headers: Tomcat's 8 KB request-header limit answers 400 before any filter.
		for (int kib : List.of(16, 64)) {
			add("GET " + USER + " · Authorization header of " + kib + " KB",
					(f) -> RawHttp.Request.of("GET", USER).header("Authorization", "Bearer " + "a".repeat(kib * 1024)), between(400, 431));
			add("GET " + USER + " · Cookie header of " + kib + " KB",
					(f) -> RawHttp.Request.of("GET", USER).header("Cookie", "access=" + "a".repeat(kib * 1024)), between(400, 431));
			add("POST " + LOGIN + " · Authorization header of " + kib + " KB",
					(f) -> RawHttp.Request.json("POST", LOGIN, loginJson).header("Authorization", "Bearer " + "a".repeat(kib * 1024)),
					between(400, 431));
		}
		add("GET " + USER + " · 150 request headers", (f) -> {
			RawHttp.Request request = RawHttp.Request.of("GET", USER);
			for (int i = 0; i < 150; i++) {
				request.header("X-Padding-" + i, "x");
			}
			return request;
		}, between(400, 431));
		add("GET " + USER + " · request target of 16 KB", (f) -> RawHttp.Request.of("GET", USER + "?q=" + "a".repeat(16 * 1024)), between(400, 431));

		// Authorization headers of the wrong shape.
		add("GET " + USER + " · Authorization \"Bearer\" alone", (f) -> RawHttp.Request.of("GET", USER).header("Authorization", "Bearer"),
				detail(401, "Authorization header must contain two space-delimited values"));
		add("GET " + USER + " · Authorization \"Bearer a b\"", (f) -> RawHttp.Request.of("GET", USER).header("Authorization", "Bearer a b"),
				detail(401, "Authorization header must contain two space-delimited values"));
		add("GET " + USER + " · Authorization \"Basic\" credentials",
				(f) -> RawHttp.Request.of("GET", USER).header("Authorization", "Basic dXNlcjpwYXNz"),
				detail(401, "Authentication credentials were not provided."));
		add("GET " + USER + " · Authorization with a lower-case scheme \"bearer <valid token>\"",
				(f) -> RawHttp.Request.of("GET", USER).header("Authorization", "bearer " + f.access()),
				detail(401, "Authentication credentials were not provided."));
		add("GET " + USER + " · Authorization with a NUL byte after a valid token",
				(f) -> RawHttp.Request.of("GET", USER).rawHeaderLine(concat(bytes("Authorization: Bearer " + f.access()), new byte[] { 0 })),
				between(400, 401));
		add("GET " + USER + " · Authorization with a 0xFF byte in the token",
				(f) -> RawHttp.Request.of("GET", USER).rawHeaderLine(concat(bytes("Authorization: Bearer "), new byte[] { (byte) 0xFF }, bytes(f.access()))),
				between(400, 401));
		add("GET " + USER + " · Authorization with an obsolete line folding and a forged token",
				(f) -> RawHttp.Request.of("GET", USER).rawHeaderLine(bytes("Authorization: Bearer\r\n " + Forge.unsigned(Forge.header("none"), "{}"))),
				between(400, 401));
		add("GET " + USER + " · two Authorization headers, a forged one first",
				(f) -> RawHttp.Request.of("GET", USER).header("Authorization", "Bearer " + Forge.unsigned(Forge.header("none"), "{}"))
					.header("Authorization", "Bearer " + f.access()), between(400, 401));

		// Wrong JSON types where strings are expected.
		add("POST " + SIGNUP + " · numbers as username and password", postJson(SIGNUP, "{\"username\": 12345, \"password\": 123}"),
				fieldErrorOn("password"));
		add("POST " + SIGNUP + " · 1e400 as username, no password", postJson(SIGNUP, "{\"username\": 1e400}"),
				fieldErrorIs("password", "This field is required."));
		add("POST " + SIGNUP + " · true as username", signUpWith("username", true), fieldErrorIs("username", "Not a valid string."));
		add("POST " + SIGNUP + " · an object as username", signUpWith("username", Map.of("$ne", "")), fieldErrorIs("username", "Not a valid string."));
		add("POST " + SIGNUP + " · an array as password", signUpWith("password", List.of(PASSWORD)), fieldErrorIs("password", "Not a valid string."));
		add("POST " + SIGNUP + " · an object as name", signUpWith("name", Map.of("first", "A")), fieldErrorIs("name", "Not a valid string."));
		add("POST " + SIGNUP + " · false as email", signUpWith("email", false), fieldErrorIs("email", "Not a valid string."));
		add("POST " + LOGIN + " · operator objects as credentials ({\"$gt\": \"\"})",
				postJson(LOGIN, "{\"username\": {\"$gt\": \"\"}, \"password\": {\"$gt\": \"\"}}"), fieldErrorIs("username", "Not a valid string."));
		add("POST " + LOGIN + " · 1e400 as username", postJson(LOGIN, "{\"username\": 1e400, \"password\": \"x\"}"), between(400, 401));
		add("POST " + LOGIN + " · an integer as password", loginWith("password", 12345678), detail(401, NO_ACCOUNT));
		add("POST " + REFRESH + " · an integer as refresh", postJson(REFRESH, "{\"refresh\": 12345}"), detail(401, "Token is invalid or expired"));
		add("POST " + REFRESH + " · true as refresh", postJson(REFRESH, "{\"refresh\": true}"), fieldErrorIs("refresh", "Not a valid string."));
		add("POST " + VERIFY + " · an object as token", postJson(VERIFY, "{\"token\": {\"alg\": \"none\"}}"), fieldErrorIs("token", "Not a valid string."));
		add("POST " + VERIFY + " · 1e400 as token", postJson(VERIFY, "{\"token\": 1e400}"), between(400, 401));

		// JSON nulls.
		add("POST " + SIGNUP + " · null username and password", postJson(SIGNUP, "{\"username\": null, \"password\": null}"),
				fieldErrorIs("username", "This field may not be null."));
		for (String field : List.of("password", "name", "email")) {
			add("POST " + SIGNUP + " · null " + field, signUpWith(field, null), fieldErrorIs(field, "This field may not be null."));
		}
		add("POST " + LOGIN + " · null username", loginWith("username", null), fieldErrorIs("username", "This field may not be null."));
		add("POST " + LOGIN + " · null password", loginWith("password", null), fieldErrorIs("password", "This field may not be null."));
		add("POST " + REFRESH + " · null refresh", postJson(REFRESH, "{\"refresh\": null}"), fieldErrorIs("refresh", "This field may not be null."));
		add("POST " + VERIFY + " · null token", postJson(VERIFY, "{\"token\": null}"), fieldErrorIs("token", "This field may not be null."));

		// Empty bodies.
		add("POST " + SIGNUP + " · empty body with a JSON content type", post(SIGNUP, "application/json", new byte[0]),
				fieldErrorIs("username", "This field is required."));
		add("POST " + LOGIN + " · empty body with a JSON content type", post(LOGIN, "application/json", new byte[0]),
				fieldErrorIs("username", "This field is required."));
		add("POST " + REFRESH + " · empty body with a JSON content type", post(REFRESH, "application/json", new byte[0]),
				fieldErrorIs("refresh", "This field is required."));
		add("POST " + VERIFY + " · empty body with a JSON content type", post(VERIFY, "application/json", new byte[0]),
				fieldErrorIs("token", "This field is required."));
		add("POST " + LOGIN + "?username=…&password=… · credentials in the query string, empty form body",
				(f) -> RawHttp.Request.of("POST", LOGIN + "?username=" + f.username() + "&password=" + PASSWORD)
					.header("Content-Type", "application/x-www-form-urlencoded").body(new byte[0]),
				fieldErrorIs("username", "This field is required."));
		add("POST " + SIGNUP + " · no body and no content type", (f) -> RawHttp.Request.of("POST", SIGNUP).header("Content-Length", "0"),
				fieldErrorIs("username", "This field is required."));
		add("POST " + LOGIN + " · empty JSON object", postJson(LOGIN, "{}"), fieldErrorIs("password", "This field is required."));
		add("POST " + SIGNUP + " · blank username and password", postJson(SIGNUP, "{\"username\": \"   \", \"password\": \"\"}"),
				fieldErrorIs("username", "This field may not be blank."));

		// Bodies over 64 KiB: 413, however they arrive.
		for (String path : List.of(SIGNUP, LOGIN, REFRESH, VERIFY)) {
			add("POST " + path + " · JSON body over 64 KiB", post(path, "application/json", oversizedJson()),
					detail(413, "Request body is too large."));
		}
		add("POST " + LOGIN + " · JSON body over 64 KiB, chunked",
				(f) -> RawHttp.Request.json("POST", LOGIN, oversizedJson()).chunked(), detail(413, "Request body is too large."));
		add("POST " + LOGIN + " · JSON body of 1 MiB", post(LOGIN, "application/json", bytes("[" + "1,".repeat(512 * 1024) + "1]")),
				detail(413, "Request body is too large."));
		add("POST " + LOGIN + " · form-urlencoded body over 64 KiB",
				post(LOGIN, "application/x-www-form-urlencoded", bytes("username=" + "a".repeat(70 * 1024) + "&password=x")),
				detail(413, "Request body is too large."));
		add("POST " + LOGIN + " · form-urlencoded body over 64 KiB, chunked",
				(f) -> RawHttp.Request.of("POST", LOGIN).header("Content-Type", "application/x-www-form-urlencoded")
					.body(bytes("username=" + "a".repeat(70 * 1024) + "&password=x")).chunked(),
				detail(413, "Request body is too large."));
		add("POST " + LOGIN + " · Content-Length claiming 1 TB",
				(f) -> RawHttp.Request.of("POST", LOGIN).header("Content-Type", "application/json").header("Content-Length", "1099511627776")
					.body(bytes(loginJson)), detail(413, "Request body is too large."));
		add("POST " + LOGIN + " · Content-Length not a number",
				(f) -> RawHttp.Request.of("POST", LOGIN).header("Content-Type", "application/json").header("Content-Length", "abc")
					.body(bytes(loginJson)), between(400, 413));
		add("POST " + LOGIN + " · Content-Length negative",
				(f) -> RawHttp.Request.of("POST", LOGIN).header("Content-Type", "application/json").header("Content-Length", "-1")
					.body(bytes(loginJson)), between(400, 413));
		add("POST " + LOGIN + " · invalid chunk size",
				(f) -> RawHttp.Request.of("POST", LOGIN).header("Content-Type", "application/json").header("Transfer-Encoding", "chunked")
					.header("Content-Length", "0").body(bytes("zz\r\n{}\r\n0\r\n\r\n")), between(400, 413));

		// Methods the endpoints do not take: 405 with DRF's detail.
		add("GET " + LOGIN, (f) -> RawHttp.Request.of("GET", LOGIN), methodNotAllowed("GET"));
		add("GET " + SIGNUP, (f) -> RawHttp.Request.of("GET", SIGNUP), methodNotAllowed("GET"));
		add("GET " + REFRESH, (f) -> RawHttp.Request.of("GET", REFRESH), methodNotAllowed("GET"));
		add("GET " + VERIFY, (f) -> RawHttp.Request.of("GET", VERIFY), methodNotAllowed("GET"));
		add("PUT " + LOGIN, (f) -> RawHttp.Request.json("PUT", LOGIN, loginJson), methodNotAllowed("PUT"));
		add("DELETE " + SIGNUP, (f) -> RawHttp.Request.of("DELETE", SIGNUP), methodNotAllowed("DELETE"));
		add("PATCH " + VERIFY, (f) -> RawHttp.Request.json("PATCH", VERIFY, "{}"), methodNotAllowed("PATCH"));
		add("POST " + USER + " (authenticated)", (f) -> RawHttp.Request.json("POST", USER, "{}").header("Authorization", "Bearer " + f.access()),
				methodNotAllowed("POST"));
		add("DELETE " + USER + " (authenticated)", (f) -> RawHttp.Request.of("DELETE", USER).header("Authorization", "Bearer " + f.access()),
				methodNotAllowed("DELETE"));
		add("TRACE " + LOGIN, (f) -> RawHttp.Request.of("TRACE", LOGIN), status(405));
		add("FOO " + LOGIN + " (unknown method)", (f) -> RawHttp.Request.of("FOO", LOGIN), between(400, 405));
		add("PROPFIND " + LOGIN, (f) -> RawHttp.Request.of("PROPFIND", LOGIN), between(400, 405));
		add("post " + LOGIN + " (lower-case method)", (f) -> RawHttp.Request.json("post", LOGIN, loginJson), between(400, 405));

		// Unknown paths and odd request targets: 404 with or without credentials, as DRF answers.
		add("GET /api/nothing-here/ (anonymous)", (f) -> RawHttp.Request.of("GET", "/api/nothing-here/"),
				detail(404, "Not found."));
		add("GET /api/nothing-here/ (authenticated)",
				(f) -> RawHttp.Request.of("GET", "/api/nothing-here/").header("Authorization", "Bearer " + f.access()), detail(404, "Not found."));
		add("POST /api/nothing-here/ (anonymous)", (f) -> RawHttp.Request.json("POST", "/api/nothing-here/", "{}"), detail(404, "Not found."));
		add("GET /nothing-here (anonymous, outside the API)", (f) -> RawHttp.Request.of("GET", "/nothing-here"), detail(404, "Not found."));
		add("GET /api/nothing-here/ (authenticated) with Accept: text/html",
				(f) -> RawHttp.Request.of("GET", "/api/nothing-here/").header("Accept", "text/html").header("Authorization", "Bearer " + f.access()),
				between(404, 406));
		add("POST " + LOGIN + " with bad credentials and Accept: application/xml",
				(f) -> RawHttp.Request.json("POST", LOGIN, loginJson).header("Accept", "application/xml"), between(401, 406));
		add("POST " + LOGIN + " with good credentials and Accept: application/xml",
				(f) -> RawHttp.Request.json("POST", LOGIN, "{\"username\":\"" + f.username() + "\",\"password\":\"" + PASSWORD + "\"}")
					.header("Accept", "application/xml"), detail(406, "Could not satisfy the request Accept header."));
		add("GET /api/auth/user/%00", (f) -> RawHttp.Request.of("GET", "/api/auth/user/%00"), between(400, 404));
		add("GET /api/%2e%2e/%2e%2e/etc/passwd", (f) -> RawHttp.Request.of("GET", "/api/%2e%2e/%2e%2e/etc/passwd"), between(400, 404));
		add("GET /api/token/..;/auth/user/", (f) -> RawHttp.Request.of("GET", "/api/token/..;/auth/user/"), between(400, 404));
		add("GET /api//auth//user/", (f) -> RawHttp.Request.of("GET", "/api//auth//user/"), between(400, 404));
		add("GET /api/auth%2Fuser/", (f) -> RawHttp.Request.of("GET", "/api/auth%2Fuser/"), between(400, 404));
		add("GET /api/auth/user/%0d%0aSet-Cookie:%20injected=1", (f) -> RawHttp.Request.of("GET", "/api/auth/user/%0d%0aSet-Cookie:%20injected=1"),
				(response) -> {
					refused(response, 400, 404);
					assertThat(response.headers("Set-Cookie")).noneMatch((cookie) -> cookie.contains("injected"));
				});
		add("GET /api/auth/user/;jsessionid=x", (f) -> RawHttp.Request.of("GET", "/api/auth/user/;jsessionid=x"), between(400, 404));
		add("GET /api/auth/../auth/user/ (dot segments)", (f) -> RawHttp.Request.of("GET", "/api/auth/../auth/user/"), between(400, 401));
		add("GET /api/auth/user/ with a raw space in the target", (f) -> RawHttp.Request.of("GET", "/api/auth/ user/"), between(400, 404));
		add("GET /api/auth/user/ with a raw 0xFF byte in the target", (f) -> RawHttp.Request.of("GET", "/api/auth/user/\u00ff"), between(400, 404));
		add("GET http://evil.example/api/auth/user/ (absolute-form target)", (f) -> RawHttp.Request.of("GET", "http://evil.example/api/auth/user/"),
				between(400, 401));
		add("GET * (asterisk-form target)", (f) -> RawHttp.Request.of("GET", "*"), between(400, 404));
	}

	/** A sign-up body whose one field holds raw JSON string content (escapes kept as written). */
	static String signUpJsonWithRaw(String field, String rawContent) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("username", "\"" + uniqueUsername() + "\"");
		values.put("password", "\"" + PASSWORD + "\"");
		values.put("name", "\"Alice\"");
		values.put("email", "\"alice@example.com\"");
		values.put(field, "\"" + rawContent + "\"");
		StringBuilder json = new StringBuilder("{");
		values.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value));
		return json.append('}').toString();
	}

}
