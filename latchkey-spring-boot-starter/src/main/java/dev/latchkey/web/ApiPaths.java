package dev.latchkey.web;

/**
 * The request-mapping patterns of Latchkey's endpoints. Each is mapped with and without its
 * trailing slash, under the configurable {@code latchkey.web.api-prefix} ({@code /api}).
 */
public final class ApiPaths {

	static final String PREFIX = "${latchkey.web.api-prefix:/api}";

	public static final String SIGN_UP = "/auth/signup";

	public static final String TOKEN = "/token";

	public static final String USER = "/auth/user";

	private ApiPaths() {
	}

}
