package dev.latchkey.audit;

/**
 * Hears every security event Latchkey records: sign-ups, logins and their failures, lockouts,
 * logouts, revoked sessions, reuse detections and password changes. Declare one or more as beans
 * (ordered by {@code @Order}) to send events elsewhere: metrics, a SIEM, a welcome e-mail.
 * <p>
 * Listeners run synchronously on the thread that records the event, after the audit line is
 * written; one that throws is logged and skipped, and never fails the request. Hand slow work
 * to an executor.
 */
@FunctionalInterface
public interface LatchkeyEventListener {

	/**
	 * Called once for each recorded event.
	 * @param event the event
	 */
	void onEvent(LatchkeyEvent event);

	/**
	 * Called when a refresh token (or a sliding token) was exchanged for new tokens. Refreshes
	 * are frequent and routine, so they are counted but not written to the audit log. Does
	 * nothing by default.
	 * @param userId whose session was refreshed
	 */
	default void onRefresh(long userId) {
	}

}
