/**
 * Key material and Nimbus JOSE wiring: signing keys from configuration or a generated file, the
 * {@link dev.latchkey.token.TokenCodec} on Nimbus, the published and remote JWK Sets, and a Spring
 * Security {@code JwtDecoder} over Latchkey's own check.
 */
package dev.latchkey.token.key;
