package dev.latchkey.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.latchkey.server.aot.AheadOfTimeGuard;
import dev.latchkey.server.command.ServerCommands;

/**
 * The runnable Latchkey server: the starter, an embedded H2 file database by default
 * ({@code ./data}), PostgreSQL through the standard {@code spring.datasource.*} properties.
 * It holds no authentication logic of its own.
 *
 * <p>Given a command ({@code createsuperuser}, {@code changepassword}, {@code flushexpiredtokens},
 * {@code import-django-users}, {@code help}) it runs that instead and exits with its code; see
 * {@link ServerCommands}. Otherwise it starts on the bean definitions Spring AOT prepared at build
 * time when the configuration is the build's ({@link AheadOfTimeGuard}).
 */
@SpringBootApplication
public class LatchkeyServerApplication {

	/** Before anything opens the embedded database: its directory is created owner-only. */
	@Bean
	static DataDirectory latchkeyDataDirectory() {
		return new DataDirectory();
	}

	public static void main(String[] args) {
		if (ServerCommands.isCommand(args)) {
			System.exit(ServerCommands.run(args));
		}
		SpringApplication application = new SpringApplication(LatchkeyServerApplication.class);
		application.addListeners(new AheadOfTimeGuard());
		application.run(args);
	}

	@Bean
	static PostgresTimeouts postgresTimeouts() {
		return new PostgresTimeouts();
	}

}
