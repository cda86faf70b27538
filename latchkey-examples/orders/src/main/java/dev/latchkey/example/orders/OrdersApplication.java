package dev.latchkey.example.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * An application that already existed and added Latchkey: the starter as its only security
 * dependency, a DataSource (H2 here), its own controllers, errors, filter chain and
 * {@code @PreAuthorize} rules. docs/starter.md quotes it.
 */
@SpringBootApplication
@EnableMethodSecurity
public class OrdersApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrdersApplication.class, args);
	}

}
