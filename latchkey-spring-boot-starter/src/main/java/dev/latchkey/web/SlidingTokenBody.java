package dev.latchkey.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * SimpleJWT's sliding token answer: {@code {"token": T}}.
 *
 * @param token the sliding token
 */
@Schema(name = "LatchkeySlidingToken")
public record SlidingTokenBody(@Schema(example = Examples.JWT, requiredMode = Schema.RequiredMode.REQUIRED) String token) {
}
