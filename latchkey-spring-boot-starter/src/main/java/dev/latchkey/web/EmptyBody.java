package dev.latchkey.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * DRF's empty answer, {@code {}} (verify, blacklist).
 */
@Schema(name = "LatchkeyEmpty", description = "Always `{}`")
// A known Jackson annotation lets a record without properties serialize as {}.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmptyBody() {

	static final EmptyBody INSTANCE = new EmptyBody();

}
