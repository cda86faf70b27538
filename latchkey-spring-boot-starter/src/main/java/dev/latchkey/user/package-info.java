/**
 * Users as Django's {@code auth_user} keeps them, and the use cases on them: sign-up
 * ({@link dev.latchkey.user.Registration}), password login ({@link dev.latchkey.user.PasswordLogin}),
 * profile and password changes, administration, with their validation rules and repositories.
 */
package dev.latchkey.user;
