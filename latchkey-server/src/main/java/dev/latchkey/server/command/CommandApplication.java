package dev.latchkey.server.command;

import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.latchkey.autoconfigure.LatchkeySchema;

/**
 * The application context a command runs in: the server's auto-configuration and
 * {@code application.yml}, so the same datasource, Latchkey beans and properties (environment
 * variables and {@code --spring.*}/{@code --latchkey.*} arguments included), but no web server.
 * It scans no components: the server declares no beans of its own.
 *
 * <p>Beans are created lazily: a command builds only what it asks for (a user command needs no
 * token codec, key set or OpenAPI description), which roughly halves its start-up. The
 * schema is migrated first, whatever the command, as the server would.
 */
@EnableAutoConfiguration
class CommandApplication {

	// Defaults only: application.yml, the environment and the command line still win. Log lines go
	// to stderr (latchkey-command-logback.xml), so stdout carries only the command's output.
	private static final Map<String, Object> DEFAULTS = Map.of("logging.config",
			"classpath:latchkey-command-logback.xml", "spring.main.banner-mode", "off",
			"spring.main.log-startup-info", "false", "logging.level.root", "WARN", "logging.level.latchkey.audit",
			"INFO", "latchkey.sessions.cleanup-enabled", "false", "latchkey.password.hashing-warm-up", "false",
			"spring.main.lazy-initialization", "true");

	/** Start the context; the caller closes it. */
	static ConfigurableApplicationContext start(CommandLine line) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandApplication.class)
			.web(WebApplicationType.NONE)
			.properties(DEFAULTS)
			.run(line.springArgs());
		try {
			context.getBean(LatchkeySchema.class);
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
		return context;
	}

}
