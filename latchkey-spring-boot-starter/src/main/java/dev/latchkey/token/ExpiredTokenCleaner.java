package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes expired refresh-token rows and sessions in small batches, so the tables stay bounded
 * under steady load (SimpleJWT's {@code flushexpiredtokens}, which its users must remember to
 * schedule). Each batch is its own short statement: the cleaner never holds long locks.
 */
public final class ExpiredTokenCleaner {

	private final OutstandingTokenRepository tokens;

	private final SessionRepository sessions;

	private final int batchSize;

	private final Clock clock;

	public ExpiredTokenCleaner(OutstandingTokenRepository tokens, SessionRepository sessions, int batchSize,
			Clock clock) {
		this.tokens = tokens;
		this.sessions = sessions;
		this.batchSize = batchSize;
		this.clock = clock;
	}

	/**
	 * Delete everything that expired before now.
	 * @return the number of refresh-token rows deleted
	 */
	public int flushExpired() {
		Instant now = this.clock.instant();
		int deleted = 0;
		int batch;
		do {
			batch = this.tokens.deleteExpired(now, this.batchSize);
			deleted += batch;
		}
		while (batch == this.batchSize);
		while (this.sessions.deleteExpired(now, this.batchSize) == this.batchSize) {
			// keep going until a partial batch shows the table is clean
		}
		return deleted;
	}

}
