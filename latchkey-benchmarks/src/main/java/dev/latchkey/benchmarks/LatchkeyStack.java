package dev.latchkey.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;

import dev.latchkey.audit.AuditLog;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.testing.InMemoryOutstandingTokenRepository;
import dev.latchkey.testing.InMemorySessionRepository;
import dev.latchkey.testing.InMemoryUserRepository;
import dev.latchkey.token.key.NimbusTokenCodec;
import dev.latchkey.token.RevokedSessions;
import dev.latchkey.token.RotationSettings;
import dev.latchkey.token.Session;
import dev.latchkey.token.TokenIssuer;
import dev.latchkey.token.TokenPair;
import dev.latchkey.token.AccessTokenAuthenticator;
import dev.latchkey.token.SessionStarter;
import dev.latchkey.token.TokenSettings;
import dev.latchkey.token.TokenVerifier;
import dev.latchkey.user.CachingUserRepository;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;

/**
 * Latchkey's token and user objects wired as the auto-configuration wires them (HS256,
 * {@link TokenSettings#defaults()}, the system UTC clock), with in-memory repositories instead of
 * JDBC ones. One signed-in user, one live session, and {@link #REVOKED_SESSIONS} other sessions
 * revoked recently, so the revocation lookup runs against a populated map.
 */
public final class LatchkeyStack {

	/** 47 bytes: over the 32 that HS256 needs, under the 48 at which jjwt would pick HS384. */
	public static final byte[] SECRET = "latchkey-benchmark-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

	/** Recently revoked sessions held by {@link RevokedSessions} while the benchmark runs. */
	public static final int REVOKED_SESSIONS = 1_000;

	public final Clock clock = Clock.systemUTC();

	public final TokenSettings settings = TokenSettings.defaults();

	public final NimbusTokenCodec codec = new NimbusTokenCodec(SECRET, JWSAlgorithm.HS256);

	public final TokenIssuer issuer = new TokenIssuer(this.codec, this.settings, this.clock);

	public final TokenVerifier verifier = new TokenVerifier(this.codec, this.settings, this.clock);

	public final InMemorySessionRepository sessions = new InMemorySessionRepository();

	public final InMemoryOutstandingTokenRepository outstanding = new InMemoryOutstandingTokenRepository(this.sessions);

	public final RevokedSessions revokedSessions = new RevokedSessions(this.sessions,
			this.settings.accessLifetime().plus(this.settings.leeway()), this.clock);

	/** As the auto-configuration builds it: 30-day session maximum. */
	public final SessionStarter sessionStarter = new SessionStarter(this.issuer, this.outstanding, this.sessions,
			RotationSettings.defaults(), this.clock);

	/** As the auto-configuration builds it: sliding tokens off. */
	public final AccessTokenAuthenticator authenticator = new AccessTokenAuthenticator(this.verifier,
			this.revokedSessions, false);

	/** The request path's user cache; a long time-to-live so the benchmark measures hits only. */
	public final CachingUserRepository users = new CachingUserRepository(new InMemoryUserRepository(),
			Duration.ofHours(1), this.clock);

	public final User user;

	/** A live session started through {@link SessionStarter#start}, as a login does. */
	public final TokenPair pair;

	public LatchkeyStack() {
		Instant now = this.clock.instant();
		this.user = this.users.insert(new NewUser("alice", "Alice", "alice@example.com", "!unusable"), now);
		this.pair = this.sessionStarter.start(this.user.id(), ClientInfo.none());
		for (int i = 0; i < REVOKED_SESSIONS; i++) {
			String id = String.format("%032x", i);
			this.sessions.save(new Session(id, this.user.id() + 1, now, now, now.plus(Duration.ofDays(1)), null,
					ClientInfo.none()));
			// A saved session starts unrevoked (as a JDBC insert): revoked as a logout revokes it.
			this.sessions.revoke(this.user.id() + 1, id, null, now);
			this.revokedSessions.markRevoked(id);
		}
		// Warm the cache: from here on findById is a hit.
		this.users.findById(this.user.id()).orElseThrow();
	}

}
