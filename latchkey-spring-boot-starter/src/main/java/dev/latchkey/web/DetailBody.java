package dev.latchkey.web;

/**
 * dj-rest-auth's acknowledgement: {@code {"detail": "Successfully logged out."}}. Errors have
 * their own bodies, in {@link dev.latchkey.web.error}.
 *
 * @param detail what was done
 */
public record DetailBody(String detail) {
}
