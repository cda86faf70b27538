package dev.latchkey.web;

/** Example values shared by the OpenAPI annotations of the bodies. */
final class Examples {

	static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...";

	private Examples() {
	}

}
