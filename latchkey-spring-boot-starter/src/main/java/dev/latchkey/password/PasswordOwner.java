package dev.latchkey.password;

/**
 * The user attributes Django's {@code UserAttributeSimilarityValidator} compares a password
 * with. Any field may be null (it is then skipped).
 *
 * @param username the login name (Django verbose name "username")
 * @param name     the display name (verbose name "name")
 * @param email    the email address (verbose name "email address")
 */
public record PasswordOwner(String username, String name, String email) {
}
