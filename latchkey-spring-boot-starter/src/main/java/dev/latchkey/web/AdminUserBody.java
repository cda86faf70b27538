package dev.latchkey.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.latchkey.user.User;

/**
 * A user as the superusers' administration lists it, with Django's flags and dates.
 *
 * @param id the primary key
 * @param username the login name
 * @param name the display name
 * @param email the e-mail address
 * @param active Django's {@code is_active}
 * @param staff Django's {@code is_staff}
 * @param superuser Django's {@code is_superuser}
 * @param dateJoined when the account was made (ISO-8601)
 * @param lastLogin the last login (ISO-8601), or {@code null} for never
 */
@JsonPropertyOrder({ "id", "username", "name", "email", "is_active", "is_staff", "is_superuser", "date_joined",
		"last_login" })
public record AdminUserBody(long id, String username, String name, String email,
		@JsonProperty("is_active") boolean active, @JsonProperty("is_staff") boolean staff,
		@JsonProperty("is_superuser") boolean superuser, @JsonProperty("date_joined") String dateJoined,
		@JsonProperty("last_login") String lastLogin) {

	static AdminUserBody of(User user) {
		return new AdminUserBody(user.id(), user.username(), user.name(), user.email(), user.active(), user.staff(),
				user.superuser(), user.dateJoined().toString(),
				(user.lastLogin() != null) ? user.lastLogin().toString() : null);
	}

	/**
	 * The answer to deactivating a user.
	 *
	 * @param id the user
	 * @param active always {@code false}
	 * @param sessionsEnded how many sessions the deactivation ended
	 */
	@JsonPropertyOrder({ "id", "is_active", "sessions_ended" })
	public record Deactivated(long id, @JsonProperty("is_active") boolean active,
			@JsonProperty("sessions_ended") int sessionsEnded) {
	}

	/**
	 * The answer to ending a user's sessions.
	 *
	 * @param id the user
	 * @param sessionsEnded how many sessions were ended
	 */
	@JsonPropertyOrder({ "id", "sessions_ended" })
	public record SessionsEnded(long id, @JsonProperty("sessions_ended") int sessionsEnded) {
	}

}
