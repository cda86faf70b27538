package dev.latchkey.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Django's {@code uid}: the user's primary key, URL-safe base64 without padding
 * ({@code urlsafe_base64_encode(force_bytes(pk))}, so user 1 is {@code MQ}).
 */
public final class ResetLinks {

	private ResetLinks() {
	}

	public static String uid(long userId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(userId).getBytes(StandardCharsets.US_ASCII));
	}

	/** The user id a {@code uid} stands for, empty if it is not one. */
	public static Optional<Long> userId(String uid) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(uid), StandardCharsets.US_ASCII);
			return decoded.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(decoded)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Replace {@code {uid}} and {@code {token}} in a path template. */
	static String path(String template, String uid, String token) {
		return template.replace("{uid}", uid).replace("{token}", token).replace("{key}", token);
	}

}
