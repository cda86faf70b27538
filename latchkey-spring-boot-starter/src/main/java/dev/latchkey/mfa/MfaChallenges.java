package dev.latchkey.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code mfa_token} handed out after a right password when a second factor is due: 256
 * random bits, opaque (no JWT, so no decoder can ever take it for an access token), kept only as
 * its SHA-256 with an expiry, and deleted when the login completes.
 */
public final class MfaChallenges {

	private final JdbcClient jdbc;

	private final Duration lifetime;

	private final SecureRandom random = new SecureRandom();

	public MfaChallenges(JdbcClient jdbc, Duration lifetime) {
		this.jdbc = jdbc;
		this.lifetime = lifetime;
	}

	/** A new token for the user whose password was right. */
	public String issue(long userId, Instant now) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("DELETE FROM latchkey_mfa_challenge WHERE expires_at < :now").param("now", Timestamp.from(now)).update();
		this.jdbc.sql("INSERT INTO latchkey_mfa_challenge (token_hash, user_id, expires_at) VALUES (:hash, :id, :exp)")
			.param("hash", hash(token))
			.param("id", userId)
			.param("exp", Timestamp.from(now.plus(this.lifetime)))
			.update();
		return token;
	}

	/** The user of a token that is still valid. */
	public Optional<Long> find(String token, Instant now) {
		return this.jdbc.sql("SELECT user_id FROM latchkey_mfa_challenge WHERE token_hash = :hash AND expires_at > :now")
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/** @return whether this call used the token up (no other request can complete with it) */
	public boolean consume(String token) {
		return this.jdbc.sql("DELETE FROM latchkey_mfa_challenge WHERE token_hash = :hash")
			.param("hash", hash(token))
			.update() == 1;
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
