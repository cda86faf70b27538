/**
 * Test support for applications using Latchkey: {@code @WithLatchkeyUser} and MockMvc request
 * post-processors that act as a signed-in user without issuing a token.
 */
package dev.latchkey.test;
