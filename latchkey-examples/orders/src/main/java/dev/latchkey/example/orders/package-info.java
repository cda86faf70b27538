/**
 * An existing Spring Boot application that added the Latchkey starter: its own endpoints,
 * security chain and error handling, authenticated by Latchkey's access tokens (see docs/starter.md).
 */
package dev.latchkey.example.orders;
