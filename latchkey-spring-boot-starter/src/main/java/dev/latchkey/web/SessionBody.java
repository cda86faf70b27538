package dev.latchkey.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.latchkey.token.SessionSummary;

/**
 * One live session of the user, as {@code GET /api/auth/sessions/} lists it.
 *
 * @param id the session's id, for {@code DELETE /api/auth/sessions/{id}/}
 * @param created when its login happened (ISO-8601)
 * @param lastUsed when it was last refreshed
 * @param expires when its newest refresh token expires
 * @param userAgent the client's {@code User-Agent} at login
 * @param ip the client's address at login
 * @param current whether the request was made with this session's access token
 */
@Schema(name = "LatchkeySession", requiredProperties = { "id", "created", "last_used", "expires", "user_agent", "ip",
		"current" })
@JsonPropertyOrder({ "id", "created", "last_used", "expires", "user_agent", "ip", "current" })
public record SessionBody(@Schema(example = "3f2b8c1d9e7a4b6c8d0e1f2a3b4c5d6e") String id,
		@Schema(example = "2025-01-02T03:04:05Z", format = "date-time") String created,
		@JsonProperty("last_used") @Schema(example = "2025-01-02T04:05:06Z", format = "date-time") String lastUsed,
		@Schema(example = "2025-02-01T03:04:05Z", format = "date-time") String expires,
		@JsonProperty("user_agent") @Schema(example = "Mozilla/5.0") String userAgent,
		@Schema(example = "203.0.113.7") String ip, boolean current) {

	static SessionBody of(SessionSummary session, boolean current) {
		return new SessionBody(session.id(), session.created().toString(), session.lastUsed().toString(),
				session.expires().toString(), session.client().userAgent(), session.client().ip(), current);
	}

}
