package dev.latchkey.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Tokens access first, as SimpleJWT's refresh answers ({@code {"access": A}}, plus
 * {@code "refresh": R} when the refresh token rotated) and as dj-rest-auth's sign-up nests them.
 *
 * @param access the access token, or {@code null} in cookie-only delivery
 * @param refresh the new refresh token, or {@code null} when it did not rotate or travels in a cookie
 */
@Schema(name = "LatchkeyRefreshResponse")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "access", "refresh" })
public record AccessFirstBody(@Schema(example = Examples.JWT) String access,
		@Schema(example = Examples.JWT, description = "The rotated refresh token, when rotation is on") String refresh) {
}
