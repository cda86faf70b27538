package dev.latchkey.server;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Bounds every wait of the PostgreSQL driver, which by default waits forever for a server that
 * accepted the connection and never answers (a frozen or overloaded database): connect, log in
 * and each socket read give up after 2 s, so requests get a 503 and start-up exits instead of
 * hanging. Applied only when {@code spring.datasource.url} is PostgreSQL (H2 refuses unknown
 * settings), and only to settings not given already in the URL or in
 * {@code spring.datasource.hikari.data-source-properties.*}, which win.
 *
 * <p>The socket timeout also bounds the longest statement: raise
 * {@code spring.datasource.hikari.data-source-properties.socketTimeout} (seconds) for a migration
 * that needs longer.
 */
final class PostgresTimeouts implements BeanPostProcessor {

	/** pgJDBC settings, in seconds. */
	static final Map<String, String> DEFAULTS = Map.of("connectTimeout", "2", "loginTimeout", "2", "socketTimeout", "2");

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
				&& dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			DEFAULTS.forEach((name, seconds) -> {
				if (dataSource.getDataSourceProperties().getProperty(name) == null) {
					dataSource.addDataSourceProperty(name, seconds);
				}
			});
		}
		return bean;
	}

}
