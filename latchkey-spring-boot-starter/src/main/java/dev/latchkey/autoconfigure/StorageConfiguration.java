package dev.latchkey.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import java.util.Arrays;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import dev.latchkey.database.DatabaseFailures;
import dev.latchkey.database.DatabaseMonitor;
import dev.latchkey.database.DatabaseProbe;
import dev.latchkey.database.ReadOnlyDatabaseException;
import dev.latchkey.token.JdbcOutstandingTokenRepository;
import dev.latchkey.token.JdbcSessionRepository;
import dev.latchkey.token.SessionLimit;
import dev.latchkey.token.OutstandingTokenRepository;
import dev.latchkey.token.SessionRepository;
import dev.latchkey.user.CachingUserFieldRepository;
import dev.latchkey.user.CachingUserRepository;
import dev.latchkey.user.JdbcUserFieldRepository;
import dev.latchkey.user.JdbcUserRepository;
import dev.latchkey.user.JdbcUserDirectory;
import dev.latchkey.user.SignUpField;
import dev.latchkey.user.UserDirectory;
import dev.latchkey.user.UserFieldRepository;
import dev.latchkey.user.UserRepository;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	private static final String DEFAULT_USER_REPOSITORY = "latchkeyUserRepository";

	@Bean
	@ConditionalOnMissingBean
	LatchkeySchema latchkeySchema(DataSource dataSource, ListableBeanFactory beans) {
		// Only bean names, so no repository is created before the schema it may need.
		boolean ownUserStore = Arrays.stream(beans.getBeanNamesForType(UserRepository.class, true, false))
			.anyMatch((name) -> !name.equals(DEFAULT_USER_REPOSITORY));
		return LatchkeySchema.migrate(dataSource, ownUserStore);
	}

	/**
	 * Checked once now, so that a read-only database stops start-up with a clear message, then in
	 * the background for readiness.
	 */
	@Bean
	@ConditionalOnMissingBean
	DatabaseMonitor latchkeyDatabaseMonitor(DataSource dataSource, LatchkeySchema schema,
			LatchkeyResilienceProperties resilience) {
		DatabaseProbe probe = new DatabaseProbe(dataSource,
				(int) Math.ceil(resilience.databaseCheckTimeout().toMillis() / 1000.0));
		try {
			probe.check();
		}
		catch (RuntimeException ex) {
			if (DatabaseFailures.isReadOnly(ex)) {
				throw new ReadOnlyDatabaseException(ex);
			}
			throw ex;
		}
		return new DatabaseMonitor(probe::check, resilience.databaseCheckInterval(), resilience.databaseCheckTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	Clock latchkeyClock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean(name = "latchkeyTransactions")
	TransactionOperations latchkeyTransactions(DataSource dataSource,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		return new TransactionTemplate(transactionManager.getIfUnique(() -> new DataSourceTransactionManager(dataSource)));
	}

	@Bean
	@ConditionalOnMissingBean
	UserRepository latchkeyUserRepository(DataSource dataSource, LatchkeySchema schema, LatchkeyProperties properties,
			LatchkeyResilienceProperties resilience, Clock clock, DatabaseMonitor monitor) {
		return new CachingUserRepository(new JdbcUserRepository(jdbc(dataSource, resilience)),
				properties.sessions().userCacheTtl(), outageTolerance(properties, resilience), clock, monitor);
	}

	/** On Latchkey's own table only: an application with its own user store declares its own directory. */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(name = DEFAULT_USER_REPOSITORY)
	UserDirectory latchkeyUserDirectory(DataSource dataSource, LatchkeySchema schema) {
		return new JdbcUserDirectory(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	UserFieldRepository latchkeyUserFieldRepository(DataSource dataSource, LatchkeySchema schema,
			LatchkeyProperties properties, LatchkeyResilienceProperties resilience, Clock clock,
			DatabaseMonitor monitor, ObjectProvider<SignUpField> signUpFields) {
		return new CachingUserFieldRepository(new JdbcUserFieldRepository(jdbc(dataSource, resilience)),
				properties.sessions().userCacheTtl(), outageTolerance(properties, resilience), clock, monitor,
				signUpFields.orderedStream().findAny().isPresent());
	}

	@Bean
	@ConditionalOnMissingBean
	OutstandingTokenRepository latchkeyOutstandingTokenRepository(DataSource dataSource, LatchkeySchema schema,
			LatchkeyResilienceProperties resilience) {
		return new JdbcOutstandingTokenRepository(jdbc(dataSource, resilience));
	}

	@Bean
	@ConditionalOnMissingBean
	SessionRepository latchkeySessionRepository(DataSource dataSource, LatchkeySchema schema,
			LatchkeyResilienceProperties resilience, LatchkeyProperties properties) {
		return SessionLimit.wrap(new JdbcSessionRepository(jdbc(dataSource, resilience)),
				properties.sessions().maximumPerUser());
	}

	/** Every Latchkey statement is cancelled after the query timeout (whole seconds, at least 1). */
	static JdbcClient jdbc(DataSource dataSource, LatchkeyResilienceProperties resilience) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout((int) Math.max(1, Math.ceil(resilience.queryTimeout().toMillis() / 1000.0)));
		return JdbcClient.create(template);
	}

	static Duration outageTolerance(LatchkeyProperties properties, LatchkeyResilienceProperties resilience) {
		return resilience.outageTolerance(properties.jwt().accessTokenLifetime().plus(properties.jwt().leeway()));
	}

}
