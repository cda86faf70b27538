package dev.latchkey.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot serve us right now (down, frozen, unreachable, timed out, read
 * only) from every other failure. The first is the operator's problem and passes by itself: the
 * client gets 503 with {@code Retry-After}; the second is a bug and stays a 500.
 */
public final class DatabaseFailures {

	/** H2's DATABASE_IS_READ_ONLY. */
	private static final int H2_READ_ONLY = 90097;

	private DatabaseFailures() {
	}

	/**
	 * Whether {@code failure}, or any of its causes, says the database is unavailable rather than
	 * that our statement was wrong.
	 */
	public static boolean isUnavailable(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
					|| cause instanceof SQLRecoverableException || cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && isUnavailableState(sql)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code failure} says the database refuses writes: H2 opened on a read-only file, a
	 * PostgreSQL standby or {@code default_transaction_read_only}.
	 */
	public static boolean isReadOnly(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLException sql
					&& (sql.getErrorCode() == H2_READ_ONLY || "25006".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUnavailableState(SQLException sql) {
		String state = sql.getSQLState();
		if (sql.getErrorCode() == H2_READ_ONLY) {
			return true;
		}
		// 08: connection exception; 57P0x: shut down or starting up; 53: out of resources;
		// 25006: read-only transaction (a standby); 57014: statement cancelled by its timeout.
		return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
				|| state.equals("25006") || state.equals("57014"));
	}

}
