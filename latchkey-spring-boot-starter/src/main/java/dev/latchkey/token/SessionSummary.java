package dev.latchkey.token;

import java.time.Instant;

/**
 * A live session as the sessions endpoint lists it.
 *
 * @param id the session's opaque id
 * @param created when its login happened
 * @param lastUsed when it was last refreshed
 * @param expires when its newest refresh token expires
 * @param client who started it
 */
public record SessionSummary(String id, Instant created, Instant lastUsed, Instant expires, ClientInfo client) {
}
