package dev.latchkey.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An invitation just sent.
 *
 * @param email where it went
 * @param expires when its link stops working (ISO-8601)
 */
@JsonPropertyOrder({ "email", "expires" })
public record InvitationBody(String email, String expires) {
}
