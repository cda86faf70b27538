package dev.latchkey.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * SimpleJWT's pair, refresh first: {@code {"refresh": R, "access": A}}; {@code {}} when the
 * tokens travel in cookies only.
 *
 * @param refresh the refresh token, or {@code null} in cookie-only delivery
 * @param access the access token, or {@code null} in cookie-only delivery
 */
@Schema(name = "LatchkeyTokenPair", description = "Empty in cookie-only delivery")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "refresh", "access" })
public record TokenPairBody(@Schema(example = Examples.JWT) String refresh, @Schema(example = Examples.JWT) String access) {
}
