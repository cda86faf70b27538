package dev.latchkey.web;

import java.time.Duration;

/**
 * The attributes of the token cookies (dj-rest-auth's {@code JWT_AUTH_COOKIE*} settings).
 *
 * @param accessName the access cookie's name
 * @param refreshName the refresh cookie's name
 * @param accessPath the access cookie's {@code Path}
 * @param refreshPath the refresh cookie's {@code Path}: only the token endpoints need it
 * @param domain the {@code Domain}, or {@code null} for a host-only cookie
 * @param secure whether {@code Secure} is set
 * @param httpOnly whether {@code HttpOnly} is set
 * @param sameSite the {@code SameSite} value ({@code Lax}, {@code Strict} or {@code None})
 */
public record CookieSettings(String accessName, String refreshName, String accessPath, String refreshPath,
		String domain, boolean secure, boolean httpOnly, String sameSite) {
}
