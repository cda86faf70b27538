package dev.latchkey.server.importer;

import java.time.Instant;

/**
 * One row of Django's user table ({@code auth_user} or a custom model such as the seed's
 * {@code users}), as the importer copies it. {@link #toString()} leaves the hash out.
 *
 * @param id primary key, kept so the {@code user_id} claim of Django's tokens still matches
 * @param username as stored by Django (already normalised by it)
 * @param name the {@code name} column, or {@code first_name} and {@code last_name} joined by a space
 * @param email may be blank
 * @param passwordHash Django's encoded hash, copied verbatim; starts with {@code !} when unusable
 * @param active {@code is_active}
 * @param staff {@code is_staff}
 * @param superuser {@code is_superuser}
 * @param dateJoined {@code date_joined}, or {@code null} when the source has none
 * @param lastLogin {@code last_login}, or {@code null}
 */
public record DjangoUser(long id, String username, String name, String email, String passwordHash, boolean active,
		boolean staff, boolean superuser, Instant dateJoined, Instant lastLogin) {

	/** Longest display name Latchkey stores ({@code latchkey_user.name}). */
	static final int NAME_LENGTH = 256;

	/**
	 * Django's {@code get_full_name()}: first and last name joined by a space, trimmed, and cut to
	 * what {@code latchkey_user.name} holds (a surrogate pair is never split).
	 */
	public static String fullName(String firstName, String lastName) {
		String name = ((firstName != null ? firstName : "") + " " + (lastName != null ? lastName : "")).strip();
		if (name.codePointCount(0, name.length()) <= NAME_LENGTH) {
			return name;
		}
		return name.substring(0, name.offsetByCodePoints(0, NAME_LENGTH));
	}

	@Override
	public String toString() {
		return "DjangoUser[id=" + this.id + ", username=" + this.username + "]";
	}

}
