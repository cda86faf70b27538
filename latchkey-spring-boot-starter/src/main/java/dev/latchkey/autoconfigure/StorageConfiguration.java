package dev.latchkey.autoconfigure;

import java.time.Clock;

import java.util.Arrays;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import dev.latchkey.token.JdbcOutstandingTokenRepository;
import dev.latchkey.token.JdbcTokenFamilyRepository;
import dev.latchkey.token.OutstandingTokenRepository;
import dev.latchkey.token.TokenFamilyRepository;
import dev.latchkey.user.CachingUserRepository;
import dev.latchkey.user.JdbcUserFieldRepository;
import dev.latchkey.user.JdbcUserRepository;
import dev.latchkey.user.JdbcUserDirectory;
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
			Clock clock) {
		return new CachingUserRepository(new JdbcUserRepository(JdbcClient.create(dataSource)),
				properties.sessions().userCacheTtl(), clock);
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
	UserFieldRepository latchkeyUserFieldRepository(DataSource dataSource, LatchkeySchema schema) {
		return new JdbcUserFieldRepository(JdbcClient.create(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean
	OutstandingTokenRepository latchkeyOutstandingTokenRepository(DataSource dataSource, LatchkeySchema schema) {
		return new JdbcOutstandingTokenRepository(JdbcClient.create(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean
	TokenFamilyRepository latchkeyTokenFamilyRepository(DataSource dataSource, LatchkeySchema schema) {
		return new JdbcTokenFamilyRepository(JdbcClient.create(dataSource));
	}

}
