package dev.latchkey.token;

/**
 * What every refresh reads first: the presented token's record and its session.
 *
 * @param token the refresh token as recorded
 * @param session its session, or {@code null} when the session is gone (deleted after it expired)
 */
public record StoredRefresh(OutstandingToken token, Session session) {

}
