package dev.latchkey.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The sign-up answer: {@code {"user", "message": "register success", "token": {"access",
 * "refresh"}}}; with mandatory e-mail verification {@code "detail"} instead of {@code "token"}.
 *
 * @param user the new user
 * @param message always {@code register success}
 * @param detail {@code Verification e-mail sent.} when the session waits for the address, else {@code null}
 * @param token the first pair, or {@code null} (cookie-only delivery, or verification pending)
 */
@Schema(name = "LatchkeySignUpResponse")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "user", "message", "detail", "token" })
public record SignUpBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UserBody user,
		@Schema(example = "register success", requiredMode = Schema.RequiredMode.REQUIRED) String message,
		String detail,
		@Schema(description = "Absent when latchkey.web.token-delivery=cookie") AccessFirstBody token) {
}
