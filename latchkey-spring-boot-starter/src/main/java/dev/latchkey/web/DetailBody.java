package dev.latchkey.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * dj-rest-auth's acknowledgement: {@code {"detail": "Successfully logged out."}}. Errors have
 * their own bodies, in {@link dev.latchkey.web.error}.
 *
 * @param detail what was done
 */
@Schema(name = "LatchkeyDetail", requiredProperties = "detail")
public record DetailBody(@Schema(example = "Successfully logged out.") String detail) {
}
