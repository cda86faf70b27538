package dev.latchkey.web;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Authorization header is split without a regex, exactly as SimpleJWT's
 * {@code header.split()} and the former {@code header.strip().split("\\s+")} split it.
 */
class AccessTokenResolverTests {

	private final AccessTokenResolver resolver = new AccessTokenResolver("Bearer", "access");

	/** The former implementation: what every header must still give. */
	private String reference(String header) {
		String[] parts = header.strip().split("\\s+");
		if (parts.length == 0 || !"Bearer".equals(parts[0])) {
			return null;
		}
		if (parts.length != 2) {
			return "BAD";
		}
		return parts[1];
	}

	private String resolve(String header) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", header);
		try {
			AccessTokenResolver.ResolvedToken resolved = this.resolver.resolve(request);
			return (resolved != null) ? resolved.token() : null;
		}
		catch (AccessTokenResolver.BadAuthorizationHeaderException ex) {
			return "BAD";
		}
	}

	@Test
	void resolveWhenHeaderShapesThenSameAsRegexSplit() {
		List<String> headers = List.of("Bearer abc.def.ghi", "  Bearer \t abc.def.ghi \r\n", "Bearer", "Bearer ", "Bearer a b",
				"bearer abc", "Bearerabc", "Token abc", "", " ", "Bearer\u000Babc", "Bearer\u001Cabc", "\u2003Bearer abc\u2003",
				"Bearer a\u2003b", "Bearer\u00A0abc", "BearerX abc", "Beare abc", "Bearer  abc  ");
		for (String header : headers) {
			assertThat(resolve(header)).as("[%s]", header).isEqualTo(reference(header));
		}
	}

	@Test
	void resolveWhenRandomHeadersThenSameAsRegexSplit() {
		Random random = new Random(18);
		char[] alphabet = { 'B', 'e', 'a', 'r', 'x', '.', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u2003', '\u00A0' };
		for (int i = 0; i < 20_000; i++) {
			StringBuilder header = new StringBuilder();
			if (random.nextBoolean()) {
				header.append(random.nextBoolean() ? "Bearer" : " Bearer ");
			}
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				header.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String value = header.toString();
			assertThat(resolve(value)).as("[%s]", value).isEqualTo(reference(value));
		}
	}

	@Test
	void resolveWhenNoHeaderThenCookie() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new jakarta.servlet.http.Cookie("access", "abc.def.ghi"));
		AccessTokenResolver.ResolvedToken resolved = this.resolver.resolve(request);
		assertThat(resolved.token()).isEqualTo("abc.def.ghi");
		assertThat(resolved.fromCookie()).isTrue();
	}

}
