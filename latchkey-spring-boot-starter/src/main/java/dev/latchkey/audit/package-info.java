/**
 * Security events (sign-ups, logins, lockouts, revocations, reuse detections): written to the
 * {@code latchkey.audit} log by {@link dev.latchkey.audit.AuditLog} and handed to every
 * {@link dev.latchkey.audit.LatchkeyEventListener}, Micrometer's included.
 */
package dev.latchkey.audit;
