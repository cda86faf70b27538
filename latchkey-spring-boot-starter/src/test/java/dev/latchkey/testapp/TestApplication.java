package dev.latchkey.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.audit.LatchkeyEvent;
import dev.latchkey.audit.LatchkeyEventListener;
import dev.latchkey.password.PasswordValidator;
import dev.latchkey.token.ExtraClaims;
import dev.latchkey.user.SignUpField;
import dev.latchkey.user.UserLookup;
import dev.latchkey.user.UserRepository;
import dev.latchkey.web.LatchkeyUser;
import dev.latchkey.web.UserAuthentication;

/**
 * An application as a Latchkey user writes one: only the starter, properties, its own controller,
 * and a bean for each extension point.
 */
@SpringBootApplication
public class TestApplication {

	/** Every event Latchkey published, for the tests to look at. */
	static final List<LatchkeyEvent> events = new CopyOnWriteArrayList<>();

	@Bean
	ExtraClaims planClaim() {
		return (userId, type) -> Map.of("plan", "pro");
	}

	@Bean
	PasswordValidator noProductName() {
		return (password, owner) -> password.toLowerCase().contains("latchkey")
				? List.of("This password must not contain the product's name.") : List.of();
	}

	@Bean
	UserLookup byUsernameOrEmail(UserRepository users, javax.sql.DataSource dataSource) {
		UserLookup byUsername = UserLookup.byUsername(users);
		org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
		return (identifier) -> identifier.contains("@")
				? jdbc.sql("SELECT id FROM latchkey_user WHERE email = ?").param(identifier).query(Long.class).optional().flatMap(users::findById)
				: byUsername.findForLogin(identifier);
	}

	@Bean
	SignUpField company() {
		return new SignUpField() {

			@Override
			public String name() {
				return "company";
			}

			@Override
			public boolean required() {
				return true;
			}

			@Override
			public int maxLength() {
				return 100;
			}

			@Override
			public List<String> validate(String value) {
				return value.equalsIgnoreCase("acme") ? List.of("That company is not allowed to sign up.") : List.of();
			}

		};
	}

	@Bean
	LatchkeyEventListener recordEvents() {
		return events::add;
	}

	@RestController
	static class OrdersController {

		@GetMapping("/api/orders")
		Map<String, Object> orders(UserAuthentication authentication) {
			LatchkeyUser user = authentication.getPrincipal();
			return Map.of("username", user.username(), "plan", user.claims().get("plan"));
		}

	}

}
