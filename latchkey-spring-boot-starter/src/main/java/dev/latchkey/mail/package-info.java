/**
 * Outgoing mail: a durable outbox written in the transaction of the change that sends it, a
 * background sender, Django-named templates, and SMTP or {@code .eml}-file transports.
 */
package dev.latchkey.mail;
