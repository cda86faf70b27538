package dev.latchkey.owntable;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.latchkey.user.UserRepository;

/** An application whose users live in its own {@code users} table, not in {@code latchkey_user}. */
@SpringBootApplication
public class OwnUserTableApplication {

	@Bean
	UserRepository djangoUsers(DataSource dataSource) {
		return new JdbcDjangoUserRepository(dataSource);
	}

}
