package dev.latchkey.server;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PostgresTimeouts}: bounded pgJDBC waits for PostgreSQL, nothing for other databases, and
 * the operator's own settings win.
 */
class PostgresTimeoutsTests {

	private final PostgresTimeouts timeouts = new PostgresTimeouts();

	@Test
	void postProcessWhenPostgresThenConnectLoginAndSocketTimeouts() {
		try (HikariDataSource dataSource = dataSource("jdbc:postgresql://db.example:5432/latchkey")) {
			this.timeouts.postProcessAfterInitialization(dataSource, "dataSource");
			assertThat(dataSource.getDataSourceProperties()).containsEntry("connectTimeout", "2")
				.containsEntry("loginTimeout", "2")
				.containsEntry("socketTimeout", "2");
		}
	}

	@Test
	void postProcessWhenOperatorSetATimeoutThenKept() {
		try (HikariDataSource dataSource = dataSource("jdbc:postgresql://db.example:5432/latchkey")) {
			dataSource.addDataSourceProperty("socketTimeout", "30");
			this.timeouts.postProcessAfterInitialization(dataSource, "dataSource");
			assertThat(dataSource.getDataSourceProperties()).containsEntry("socketTimeout", "30")
				.containsEntry("connectTimeout", "2");
		}
	}

	@Test
	void postProcessWhenH2ThenNothingAdded() {
		try (HikariDataSource dataSource = dataSource("jdbc:h2:mem:timeouts")) {
			this.timeouts.postProcessAfterInitialization(dataSource, "dataSource");
			assertThat(dataSource.getDataSourceProperties()).isEmpty();
		}
	}

	private static HikariDataSource dataSource(String url) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		return dataSource;
	}

}
