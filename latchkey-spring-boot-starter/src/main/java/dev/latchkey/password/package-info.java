/**
 * Django-compatible password storage and password validation.
 *
 * <p>{@link dev.latchkey.password.DjangoPasswordEncoder} verifies every hash format Django 3.2 can
 * store in {@code auth_user.password} and produces new hashes in Django's Argon2id format, so a
 * user table can be shared with, or migrated from, a Django deployment without a password reset.
 * {@link dev.latchkey.password.PasswordPolicy} reproduces Django's four default
 * {@code AUTH_PASSWORD_VALIDATORS} with Django's exact English messages.
 *
 * <p>This package depends on the JDK, Bouncy Castle, spring-security-crypto and commons-codec
 * only; it knows nothing about HTTP or Spring MVC.
 */
package dev.latchkey.password;
