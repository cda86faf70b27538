/**
 * SimpleJWT-compatible tokens and the sessions behind them: issuing and verifying, refresh with
 * rotation and reuse detection ({@link dev.latchkey.token.TokenRefresher}), logout and revocation,
 * and the use cases that start, list and end sessions, over repositories with JDBC implementations.
 */
package dev.latchkey.token;
