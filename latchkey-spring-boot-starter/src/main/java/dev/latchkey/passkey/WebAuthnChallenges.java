package dev.latchkey.passkey;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * WebAuthn ceremonies in progress on {@code latchkey_webauthn_challenge}: the challenge handed
 * out, for what and whom, until when. In the database rather than an HTTP session, so any
 * instance can finish a ceremony another began; taken (deleted) when answered, so each
 * challenge is answered once.
 */
public final class WebAuthnChallenges {

	static final String REGISTER = "register";

	static final String LOGIN = "login";

	private final JdbcClient jdbc;

	private final Duration lifetime;

	public WebAuthnChallenges(JdbcClient jdbc, Duration lifetime) {
		this.jdbc = jdbc;
		this.lifetime = lifetime;
	}

	void save(String challenge, String purpose, Long userId, Instant now) {
		this.jdbc.sql("DELETE FROM latchkey_webauthn_challenge WHERE expires_at < :now").param("now", Timestamp.from(now)).update();
		this.jdbc.sql("INSERT INTO latchkey_webauthn_challenge (challenge, purpose, user_id, expires_at) "
				+ "VALUES (:challenge, :purpose, :userId, :expires)")
			.param("challenge", challenge)
			.param("purpose", purpose)
			.param("userId", userId, java.sql.Types.BIGINT)
			.param("expires", Timestamp.from(now.plus(this.lifetime)))
			.update();
	}

	/**
	 * Take a live challenge of this purpose: it is deleted, so a second answer finds nothing.
	 * @return the user it was handed out to ({@code 0} for a login, whose user is not known yet)
	 */
	Optional<Long> take(String challenge, String purpose, Instant now) {
		Optional<Long> userId = this.jdbc
			.sql("SELECT COALESCE(user_id, 0) FROM latchkey_webauthn_challenge WHERE challenge = :challenge "
					+ "AND purpose = :purpose AND expires_at > :now")
			.param("challenge", challenge)
			.param("purpose", purpose)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
		if (userId.isEmpty()) {
			return Optional.empty();
		}
		boolean taken = this.jdbc.sql("DELETE FROM latchkey_webauthn_challenge WHERE challenge = :challenge")
			.param("challenge", challenge)
			.update() == 1;
		return taken ? userId : Optional.empty();
	}

}
