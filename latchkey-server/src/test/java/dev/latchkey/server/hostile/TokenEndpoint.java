package dev.latchkey.server.hostile;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The places a token is presented: the authenticated API (by {@code Authorization: Bearer} and by
 * the access cookie), the refresh endpoint and the verify endpoint, each with the refusal
 * SimpleJWT gives there.
 */
enum TokenEndpoint {

	API_BEARER("GET /api/auth/user/ (Bearer)", "access"),

	API_COOKIE("GET /api/auth/user/ (access cookie)", "access"),

	REFRESH("POST /api/token/refresh/", "refresh"),

	VERIFY("POST /api/token/verify/", "access");

	static final List<String> TOKEN_MESSAGES = List.of("Token is invalid or expired", "Token has wrong type",
			"Token has no type", "Token has no id");

	private final String label;

	private final String tokenType;

	TokenEndpoint(String label, String tokenType) {
		this.label = label;
		this.tokenType = tokenType;
	}

	String label() {
		return this.label;
	}

	@Override
	public String toString() {
		return this.label;
	}

	/** The {@code token_type} a valid token for this endpoint carries. */
	String tokenType() {
		return this.tokenType;
	}

	/** The other type ({@code refresh} where {@code access} is expected, and the reverse). */
	String otherTokenType() {
		return this.tokenType.equals("access") ? "refresh" : "access";
	}

	boolean isApi() {
		return this == API_BEARER || this == API_COOKIE;
	}

	RawHttp.Request request(String token) {
		return switch (this) {
			case API_BEARER -> RawHttp.Request.of("GET", "/api/auth/user/").header("Authorization", "Bearer " + token);
			case API_COOKIE -> RawHttp.Request.of("GET", "/api/auth/user/").header("Cookie", "access=" + token);
			case REFRESH -> RawHttp.Request.json("POST", "/api/token/refresh/",
					HostileAssertions.JSON.writeValueAsBytes(Map.of("refresh", token)));
			case VERIFY -> RawHttp.Request.json("POST", "/api/token/verify/",
					HostileAssertions.JSON.writeValueAsBytes(Map.of("token", token)));
		};
	}

	/** SimpleJWT's refusal of a bad token here: 401, {@code token_not_valid}, its message. */
	void assertTokenRefused(RawHttp.Response response) {
		JsonNode body = HostileAssertions.refused(response, 401);
		assertThat(body.path("code").asString()).as("code: %s", response).isEqualTo("token_not_valid");
		if (isApi()) {
			assertThat(body.path("detail").asString()).as("detail: %s", response)
				.isEqualTo("Given token not valid for any token type");
			assertThat(body.path("messages").path(0).path("message").asString()).as("message: %s", response)
				.isIn(TOKEN_MESSAGES);
			assertThat(response.header("WWW-Authenticate")).as("WWW-Authenticate: %s", response).startsWith("Bearer");
		}
		else {
			assertThat(body.path("detail").asString()).as("detail: %s", response).isIn(TOKEN_MESSAGES);
		}
	}

	/** A correctly signed, valid token is accepted here (the control that keeps the corpus honest). */
	void assertAccepted(RawHttp.Response response, long userId) {
		assertThat(response.status()).as("accepted: %s", response).isEqualTo(200);
		JsonNode body = HostileAssertions.JSON.readTree(response.rawBody());
		switch (this) {
			case API_BEARER, API_COOKIE -> assertThat(body.path("id").asLong()).isEqualTo(userId);
			case REFRESH -> assertThat(body.path("access").asString()).isNotEmpty();
			case VERIFY -> assertThat(body.isEmpty()).as("verify answers {}").isTrue();
		}
	}

}
