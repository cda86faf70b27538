package dev.latchkey.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.latchkey.web.error.ClientErrorException;

class CrossSiteRequestGuardTests {

	private final CrossSiteRequestGuard guard = new CrossSiteRequestGuard(List.of("https://App.example"));

	static class Handlers {

		@SetsCookies
		void login() {
		}

		void profile() {
		}

	}

	private static HandlerMethod handler(String name) throws NoSuchMethodException {
		return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
	}

	private static MockHttpServletRequest post(String contentType, Map<String, String> headers) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/token/");
		request.setServerName("auth.example");
		request.addHeader("Host", "auth.example");
		if (contentType != null) {
			request.setContentType(contentType);
		}
		headers.forEach(request::addHeader);
		return request;
	}

	private boolean passes(MockHttpServletRequest request) throws Exception {
		return this.guard.preHandle(request, new MockHttpServletResponse(), handler("login"));
	}

	@Test
	void preHandleWhenFormFromAnotherOriginThenForbiddenWithDjangosMessage() {
		MockHttpServletRequest request = post("application/x-www-form-urlencoded", Map.of("Origin", "https://evil.example"));
		assertThatExceptionOfType(ClientErrorException.class).isThrownBy(() -> passes(request))
			.withMessage("CSRF Failed: Origin checking failed - https://evil.example does not match any trusted origins.")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.FORBIDDEN));
	}

	@Test
	void preHandleWhenJsonWithCookiesFromAnotherOriginOrNullOriginThenForbidden() {
		assertThatExceptionOfType(ClientErrorException.class).isThrownBy(() -> passes(
				post("application/json", Map.of("Origin", "https://evil.example", "Cookie", "refresh=x"))));
		assertThatExceptionOfType(ClientErrorException.class)
			.isThrownBy(() -> passes(post("text/plain", Map.of("Origin", "null"))));
		assertThatExceptionOfType(ClientErrorException.class)
			.isThrownBy(() -> passes(post(null, Map.of("Sec-Fetch-Site", "same-site"))));
	}

	@Test
	void preHandleWhenSameOriginAllowedOriginJsonWithoutCookiesOrNoBrowserThenPasses() throws Exception {
		assertThat(passes(post("application/x-www-form-urlencoded", Map.of("Origin", "https://auth.example")))).isTrue();
		assertThat(passes(post("application/x-www-form-urlencoded", Map.of("Origin", "https://app.example",
				"Sec-Fetch-Site", "cross-site", "Cookie", "csrftoken=x")))).isTrue();
		assertThat(passes(post("application/json", Map.of("Origin", "https://evil.example")))).isTrue();
		assertThat(passes(post("application/x-www-form-urlencoded", Map.of()))).isTrue();
		assertThat(passes(post(null, Map.of("Sec-Fetch-Site", "same-origin", "Cookie", "refresh=x")))).isTrue();
	}

	@Test
	void preHandleWhenHandlerSetsNoCookiesOrRequestIsSafeThenPasses() throws Exception {
		MockHttpServletRequest crossSite = post("application/x-www-form-urlencoded", Map.of("Origin", "https://evil.example"));
		assertThat(this.guard.preHandle(crossSite, new MockHttpServletResponse(), handler("profile"))).isTrue();
		MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/token/");
		get.addHeader("Origin", "https://evil.example");
		assertThat(this.guard.preHandle(get, new MockHttpServletResponse(), handler("login"))).isTrue();
	}

}
