package dev.latchkey.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * dj-rest-auth's JWT answer ({@code JWTSerializer}): {@code {"access", "refresh", "user"}}, plus
 * {@code access_expiration} and {@code refresh_expiration} with JWT_AUTH_RETURN_EXPIRATION.
 *
 * @param access the access token, or {@code null} in cookie-only delivery
 * @param refresh the refresh token, or {@code null} in cookie-only delivery
 * @param user the signed-in user
 * @param accessExpiration when the access token expires (ISO-8601), or {@code null}
 * @param refreshExpiration when the refresh token expires (ISO-8601), or {@code null}
 */
@Schema(name = "LatchkeyRestAuthLogin")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "access", "refresh", "user", "access_expiration", "refresh_expiration" })
public record LoginBody(@Schema(example = Examples.JWT) String access, @Schema(example = Examples.JWT) String refresh,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UserBody user,
		@JsonProperty("access_expiration") String accessExpiration,
		@JsonProperty("refresh_expiration") String refreshExpiration) {
}
