package dev.latchkey.audit;

import java.time.Instant;

/**
 * A security event, as written to the audit log and handed to every
 * {@link LatchkeyEventListener}. Like the log line it carries no password, hash or token.
 *
 * @param type what happened
 * @param userId whose account, or {@code null} when not known (a failed login is recorded
 * without it, so that whether a username exists does not leak)
 * @param ip the client address, without control characters, at most 200 characters
 * @param userAgent the client's user agent, cleaned the same way ({@code ""} when absent)
 * @param outcome a short word on the result, e.g. {@code ok}, {@code bad_credentials}
 * @param at when it was recorded, from the application's {@link java.time.Clock}
 */
public record LatchkeyEvent(AuditEvent type, Long userId, String ip, String userAgent, String outcome, Instant at) {

}
