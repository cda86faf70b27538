package dev.latchkey.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The runnable Latchkey server: the starter, an embedded H2 file database by default
 * ({@code ./data}), PostgreSQL through the standard {@code spring.datasource.*} properties.
 * It holds no authentication logic of its own.
 */
@SpringBootApplication
public class LatchkeyServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(LatchkeyServerApplication.class, args);
	}

}
