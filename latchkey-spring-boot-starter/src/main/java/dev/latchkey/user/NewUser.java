package dev.latchkey.user;

/**
 * A user about to be stored: every field already validated and the password already hashed.
 *
 * @param username normalised username
 * @param name display name, may be blank
 * @param email may be blank
 * @param passwordHash Django-format encoded hash
 */
public record NewUser(String username, String name, String email, String passwordHash) {

	@Override
	public String toString() {
		return "NewUser[username=" + this.username + "]";
	}

}
