package dev.latchkey.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.token.JdbcOutstandingTokenRepository;
import dev.latchkey.token.OutstandingTokenRepository;
import dev.latchkey.user.JdbcUserRepository;
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
	@ConditionalOnMissingBean
	UserRepository latchkeyUserRepository(DataSource dataSource, LatchkeySchema schema) {
		return new JdbcUserRepository(JdbcClient.create(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean
	OutstandingTokenRepository latchkeyOutstandingTokenRepository(DataSource dataSource, LatchkeySchema schema) {
		return new JdbcOutstandingTokenRepository(JdbcClient.create(dataSource));
	}

}
