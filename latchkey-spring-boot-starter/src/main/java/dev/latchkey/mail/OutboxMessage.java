package dev.latchkey.mail;

/**
 * A message claimed from the outbox for one delivery attempt.
 *
 * @param id the outbox row
 * @param attempts delivery attempts so far, this one included
 * @param mail the message
 */
public record OutboxMessage(long id, int attempts, OutgoingMail mail) {

}
