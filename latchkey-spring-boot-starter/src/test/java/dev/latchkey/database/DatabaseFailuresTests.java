package dev.latchkey.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DatabaseFailures}: an unavailable database is told apart from a bug or a client's race.
 */
class DatabaseFailuresTests {

	@Test
	void isUnavailableWhenNoConnectionThenTrue() {
		SQLTransientConnectionException timeout = new SQLTransientConnectionException("pool timed out",
				"08001", new ConnectException("Connection refused"));
		assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("no", timeout))).isTrue();
		assertThat(DatabaseFailures.isUnavailable(new CannotCreateTransactionException("no"))).isTrue();
		assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("terminating", "57P01")))).isTrue();
	}

	@Test
	void isUnavailableWhenReadOnlyThenTrueAndReadOnly() {
		SQLException h2 = new SQLException("The database is read only", "90097", 90097);
		SQLException postgres = new SQLException("cannot execute UPDATE in a read-only transaction", "25006");
		for (SQLException cause : new SQLException[] { h2, postgres }) {
			UncategorizedSQLException failure = new UncategorizedSQLException("update", "UPDATE", cause);
			assertThat(DatabaseFailures.isUnavailable(failure)).isTrue();
			assertThat(DatabaseFailures.isReadOnly(failure)).isTrue();
		}
	}

	@Test
	void isUnavailableWhenStatementOrDataWrongThenFalse() {
		assertThat(DatabaseFailures.isUnavailable(new DuplicateKeyException("taken"))).isFalse();
		assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("null"))).isFalse();
		assertThat(DatabaseFailures.isUnavailable(
				new BadSqlGrammarException("q", "SELEC", new SQLException("syntax", "42601")))).isFalse();
		assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseFailures.isReadOnly(new CannotCreateTransactionException("no"))).isFalse();
	}

}
