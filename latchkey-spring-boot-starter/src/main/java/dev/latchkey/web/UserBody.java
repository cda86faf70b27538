package dev.latchkey.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.latchkey.user.User;

/**
 * USER of API.md: {@code {"id", "username", "name", "email"}}. Never the password or its hash.
 */
final class UserBody {

	private UserBody() {
	}

	static Map<String, Object> of(User user) {
		return of(user, Map.of());
	}

	/** USER with the application's extra sign-up fields after Latchkey's own. */
	static Map<String, Object> of(User user, Map<String, String> extraFields) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", user.id());
		body.put("username", user.username());
		body.put("name", user.name());
		body.put("email", user.email());
		extraFields.forEach(body::putIfAbsent);
		return body;
	}

}
