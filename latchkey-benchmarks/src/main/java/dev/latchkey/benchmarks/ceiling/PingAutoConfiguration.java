package dev.latchkey.benchmarks.ceiling;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Registers the load test's ceiling endpoint, {@link PingController}, when
 * {@code latchkey.bench.ping=true}. scripts/load.sh puts this class on the packaged server's class
 * path with Spring Boot's {@code PropertiesLauncher} and {@code loader.path} (the server jar itself is
 * unchanged); nothing else ever loads it.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "latchkey.bench.ping", havingValue = "true")
public class PingAutoConfiguration {

	@Bean
	PingController latchkeyBenchPingController() {
		return new PingController();
	}

}
