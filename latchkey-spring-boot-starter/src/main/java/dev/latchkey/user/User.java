package dev.latchkey.user;

import java.time.Instant;

/**
 * A stored user, with the columns of Django's {@code auth_user} that Latchkey uses ({@code name}
 * stands for the seed's single name field). {@link #toString()} leaves the hash out.
 *
 * @param id primary key, the {@code user_id} claim of every token
 * @param username unique, case-sensitive, NFKC-normalised
 * @param name display name, may be blank
 * @param email may be blank
 * @param passwordHash Django-format encoded hash; starts with {@code !} when unusable
 * @param active whether the user may log in ({@code is_active})
 * @param staff {@code is_staff}
 * @param superuser {@code is_superuser}
 * @param dateJoined when the account was made
 * @param lastLogin last successful login, or {@code null}
 */
public record User(long id, String username, String name, String email, String passwordHash, boolean active,
		boolean staff, boolean superuser, Instant dateJoined, Instant lastLogin) {

	@Override
	public String toString() {
		return "User[id=" + this.id + ", username=" + this.username + ", active=" + this.active + "]";
	}

}
