package dev.latchkey.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
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

	@Bean
	@ConditionalOnMissingBean
	LatchkeySchema latchkeySchema(DataSource dataSource) {
		return LatchkeySchema.migrate(dataSource);
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

	@Bean
	@ConditionalOnMissingBean
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
