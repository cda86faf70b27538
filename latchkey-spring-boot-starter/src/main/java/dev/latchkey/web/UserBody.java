package dev.latchkey.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.latchkey.user.User;

/**
 * The user as the API shows it: {@code {"id", "username", "name", "email"}}, then the
 * application's own sign-up fields. Never the password or its hash.
 *
 * @param id the primary key
 * @param username the login name
 * @param name the display name
 * @param email the e-mail address
 * @param extraFields the application's sign-up fields, after Latchkey's own (never replacing them)
 */
@Schema(name = "LatchkeyUser", requiredProperties = { "id", "username", "name", "email" })
@JsonPropertyOrder({ "id", "username", "name", "email" })
public record UserBody(@Schema(example = "1") long id, @Schema(example = "alice") String username,
		@Schema(example = "Alice") String name, @Schema(example = "alice@example.com") String email,
		// The keys are the fields the application declares, unknown here: a map is the honest type.
		@JsonAnyGetter @Schema(hidden = true) Map<String, String> extraFields) {

	private static final Set<String> OWN = Set.of("id", "username", "name", "email");

	public UserBody {
		Map<String, String> extra = new LinkedHashMap<>(extraFields);
		extra.keySet().removeAll(OWN);
		extraFields = java.util.Collections.unmodifiableMap(extra);
	}

	static UserBody of(User user) {
		return of(user, Map.of());
	}

	static UserBody of(User user, Map<String, String> extraFields) {
		return new UserBody(user.id(), user.username(), user.name(), user.email(), extraFields);
	}

}
