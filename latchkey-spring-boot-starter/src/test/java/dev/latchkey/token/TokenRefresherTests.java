package dev.latchkey.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.audit.LatchkeyEvent;
import dev.latchkey.audit.LatchkeyEventListener;
import dev.latchkey.testing.InMemoryOutstandingTokenRepository;
import dev.latchkey.testing.InMemorySessionRepository;
import dev.latchkey.testing.InMemoryUserRepository;
import dev.latchkey.testing.MutableClock;
import dev.latchkey.token.key.NimbusTokenCodec;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link TokenRefresher}'s guarantees, each on the real issuer, verifier and codec with in-memory
 * repositories and a clock moved by hand: rotation, the grace window for a token rotated out
 * moments ago, reuse detection revoking the session (and reaching {@link RevokedSessions} at
 * once), the absolute end of a session, inactive users, and refresh tokens Latchkey never issued.
 */
class TokenRefresherTests {

	private static final byte[] SECRET = "refresher-tests-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

	private static final ClientInfo CLIENT = new ClientInfo("Firefox", "203.0.113.9");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

	/** SimpleJWT's defaults (access 5 minutes, refresh 1 day) with a minute of leeway. */
	private final TokenSettings settings = new TokenSettings(Duration.ofMinutes(5), Duration.ofDays(1),
			Duration.ofMinutes(1), TokenClaims.DEFAULT_USER_ID, null, null);

	private final NimbusTokenCodec codec = new NimbusTokenCodec(SECRET, JWSAlgorithm.HS256);

	private final TokenIssuer issuer = new TokenIssuer(this.codec, this.settings, this.clock);

	private final TokenVerifier verifier = new TokenVerifier(this.codec, this.settings, this.clock);

	private final InMemoryUserRepository users = new InMemoryUserRepository();

	private final InMemorySessionRepository sessions = new InMemorySessionRepository();

	private final InMemoryOutstandingTokenRepository tokens = new InMemoryOutstandingTokenRepository(this.sessions);

	private final RevokedSessions revokedSessions = new RevokedSessions(this.sessions,
			this.settings.accessLifetime().plus(this.settings.leeway()), this.clock);

	private final List<LatchkeyEvent> events = new CopyOnWriteArrayList<>();

	private final List<Long> refreshed = new CopyOnWriteArrayList<>();

	private final AuditLog audit = new AuditLog(List.of(new LatchkeyEventListener() {

		@Override
		public void onEvent(LatchkeyEvent event) {
			TokenRefresherTests.this.events.add(event);
		}

		@Override
		public void onRefresh(long userId) {
			TokenRefresherTests.this.refreshed.add(userId);
		}

	}), this.clock);

	/** As the auto-configuration defines it. */
	private final ActiveUsers activeUsers = (userId) -> this.users.findById(userId).map(User::active).orElse(false);

	private final long alice = this.users.insert(new NewUser("alice", "", "", "!"), this.clock.instant()).id();

	private final AccessTokenAuthenticator authenticator = new AccessTokenAuthenticator(this.verifier,
			this.revokedSessions, false);

	private TokenRefresher refresher(RotationSettings rotation) {
		return new TokenRefresher(this.verifier, this.issuer, this.tokens, this.sessions, rotation, this.activeUsers,
				this.revokedSessions, TransactionOperations.withoutTransaction(), this.clock, this.audit);
	}

	private TokenPair login(RotationSettings rotation) {
		return new SessionStarter(this.issuer, this.tokens, this.sessions, rotation, this.clock).start(this.alice, CLIENT);
	}

	private VerifiedToken refreshClaims(String token) {
		return this.verifier.verify(token, TokenType.REFRESH);
	}

	private String refreshFailure(TokenRefresher refresher, String token) {
		try {
			refresher.refresh(token, CLIENT);
		}
		catch (InvalidTokenException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("refresh succeeded");
	}

	@Test
	void refreshWhenRotatingThenANewPairOfTheSameSessionAndTheOldTokenReplacedAndBlacklisted() {
		TokenPair login = login(RotationSettings.defaults());
		VerifiedToken old = refreshClaims(login.refresh());
		this.clock.advance(Duration.ofMinutes(4));

		RefreshedTokens next = refresher(RotationSettings.defaults()).refresh(login.refresh(), CLIENT);

		VerifiedToken newRefresh = refreshClaims(next.refresh());
		VerifiedToken newAccess = this.authenticator.authenticate(next.access());
		assertThat(newRefresh.sessionId()).isEqualTo(old.sessionId());
		assertThat(newAccess.sessionId()).isEqualTo(old.sessionId());
		assertThat(newAccess.userId()).isEqualTo(this.alice);
		assertThat(newRefresh.tokenId()).isNotEqualTo(old.tokenId());
		OutstandingToken rotatedOut = this.tokens.find(old.tokenId()).orElseThrow();
		assertThat(rotatedOut.replacedBy()).isEqualTo(newRefresh.tokenId());
		assertThat(rotatedOut.blacklisted()).isTrue();
		assertThat(this.tokens.find(newRefresh.tokenId())).hasValueSatisfying((token) -> {
			assertThat(token.isReplaced()).isFalse();
			assertThat(token.blacklisted()).isFalse();
		});
		assertThat(this.sessions.find(old.sessionId()).orElseThrow().lastUsedAt()).isEqualTo(this.clock.instant());
		assertThat(this.refreshed).containsExactly(this.alice);
		assertThat(refresher(RotationSettings.defaults()).refresh(next.refresh(), CLIENT).refresh()).isNotNull();
	}

	@Test
	void refreshWhenTheRotatedOutTokenComesBackWithinTheGracePeriodThenTheSameSuccessorAndTheSessionLives() {
		TokenRefresher refresher = refresher(RotationSettings.defaults());
		TokenPair login = login(RotationSettings.defaults());
		RefreshedTokens firstTab = refresher.refresh(login.refresh(), CLIENT);
		this.clock.advance(Duration.ofSeconds(10));

		RefreshedTokens secondTab = refresher.refresh(login.refresh(), CLIENT);

		assertThat(secondTab.refresh()).as("re-signed successor, same jti, iat and exp").isEqualTo(firstTab.refresh());
		String sessionId = refreshClaims(login.refresh()).sessionId();
		assertThat(this.authenticator.authenticate(secondTab.access()).sessionId()).isEqualTo(sessionId);
		assertThat(this.sessions.find(sessionId).orElseThrow().isRevoked()).isFalse();
		assertThat(this.revokedSessions.isRevoked(sessionId)).isFalse();
		assertThat(this.events).extracting(LatchkeyEvent::type).doesNotContain(AuditEvent.REUSE_DETECTED);
		assertThat(refresher.refresh(firstTab.refresh(), CLIENT).refresh()).isNotNull();
	}

	@Test
	void refreshWhenTheRotatedOutTokenComesBackAfterTheGracePeriodThenTheWholeSessionIsRevoked() {
		TokenRefresher refresher = refresher(RotationSettings.defaults());
		TokenPair stolen = login(RotationSettings.defaults());
		TokenPair otherDevice = login(RotationSettings.defaults());
		RefreshedTokens victim = refresher.refresh(stolen.refresh(), CLIENT);
		this.clock.advance(Duration.ofSeconds(11));

		assertThat(refreshFailure(refresher, stolen.refresh())).isEqualTo(InvalidTokenException.BLACKLISTED);

		String sessionId = refreshClaims(stolen.refresh()).sessionId();
		assertThat(this.sessions.find(sessionId).orElseThrow().revokedAt()).isEqualTo(this.clock.instant());
		assertThat(this.revokedSessions.isRevoked(sessionId)).as("known at once, before any reload").isTrue();
		assertThat(this.events).filteredOn((event) -> event.type() == AuditEvent.REUSE_DETECTED)
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.userId()).isEqualTo(this.alice);
				assertThat(event.ip()).isEqualTo(CLIENT.ip());
			});
		assertThat(refreshFailure(refresher, victim.refresh())).as("the newest refresh token dies too")
			.isEqualTo(InvalidTokenException.BLACKLISTED);
		assertThatExceptionOfType(InvalidTokenException.class).as("and so do its access tokens")
			.isThrownBy(() -> this.authenticator.authenticate(victim.access()))
			.withMessage(InvalidTokenException.BLACKLISTED);
		assertThat(refresher.refresh(otherDevice.refresh(), CLIENT).refresh()).as("other sessions live on").isNotNull();
	}

	@Test
	void refreshWhenNoGracePeriodThenAnyReplayRevokes() {
		RotationSettings noGrace = new RotationSettings(true, true, Duration.ZERO, Duration.ofDays(30));
		TokenRefresher refresher = refresher(noGrace);
		TokenPair login = login(noGrace);
		refresher.refresh(login.refresh(), CLIENT);

		assertThat(refreshFailure(refresher, login.refresh())).isEqualTo(InvalidTokenException.BLACKLISTED);
		assertThat(this.revokedSessions.isRevoked(refreshClaims(login.refresh()).sessionId())).isTrue();
	}

	@Test
	void refreshWhenWithinGraceButTheSuccessorWasLoggedOutThenTheSessionIsRevoked() {
		TokenRefresher refresher = refresher(RotationSettings.defaults());
		TokenPair login = login(RotationSettings.defaults());
		RefreshedTokens successor = refresher.refresh(login.refresh(), CLIENT);
		this.tokens.blacklist(refreshClaims(successor.refresh()).tokenId(), this.clock.instant());
		this.clock.advance(Duration.ofSeconds(2));

		assertThat(refreshFailure(refresher, login.refresh())).isEqualTo(InvalidTokenException.BLACKLISTED);
		assertThat(this.revokedSessions.isRevoked(refreshClaims(login.refresh()).sessionId())).isTrue();
	}

	@Test
	void refreshWhenPastTheSessionsAbsoluteEndThenRefusedEvenWithinTheTokensLeeway() {
		RotationSettings rotation = new RotationSettings(true, true, Duration.ofSeconds(10), Duration.ofHours(36));
		TokenRefresher refresher = refresher(rotation);
		Instant loggedIn = this.clock.instant();
		TokenPair login = login(rotation);
		this.clock.advance(Duration.ofHours(20));

		RefreshedTokens late = refresher.refresh(login.refresh(), CLIENT);

		Instant sessionEnd = loggedIn.plus(Duration.ofHours(36));
		assertThat(refreshClaims(late.refresh()).expiresAt()).as("capped at the session's end, not now + 1 day")
			.isEqualTo(sessionEnd);
		this.clock.set(sessionEnd.plusSeconds(30));
		assertThat(refreshClaims(late.refresh()).tokenId()).as("still valid within the leeway").isNotNull();
		assertThat(refreshFailure(refresher, late.refresh())).isEqualTo(InvalidTokenException.INVALID_OR_EXPIRED);
	}

	@Test
	void refreshWhenTheUserIsInactiveOrGoneThenNoActiveAccountAndNothingChanges() {
		TokenRefresher refresher = refresher(RotationSettings.defaults());
		TokenPair login = login(RotationSettings.defaults());
		VerifiedToken presented = refreshClaims(login.refresh());
		this.users.setActive(this.alice, false);

		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> refresher.refresh(login.refresh(), CLIENT))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("no_active_account");
				assertThat(ex.getMessage()).isEqualTo(InvalidTokenException.NO_ACTIVE_ACCOUNT);
			});
		assertThat(this.tokens.find(presented.tokenId()).orElseThrow().isReplaced()).isFalse();
		assertThat(this.sessions.find(presented.sessionId()).orElseThrow().isRevoked()).isFalse();

		this.users.setActive(this.alice, true);
		RefreshedTokens next = refresher.refresh(login.refresh(), CLIENT);
		this.users.delete(this.alice);
		assertThat(refreshFailure(refresher, next.refresh())).isEqualTo(InvalidTokenException.NO_ACTIVE_ACCOUNT);
	}

	@Test
	void refreshWhenTheTokenWasBlacklistedOrItsSessionRevokedThenBlacklisted() {
		TokenRefresher refresher = refresher(RotationSettings.defaults());
		TokenPair loggedOut = login(RotationSettings.defaults());
		TokenPair revoked = login(RotationSettings.defaults());
		this.tokens.blacklist(refreshClaims(loggedOut.refresh()).tokenId(), this.clock.instant());
		this.sessions.revoke(this.alice, refreshClaims(revoked.refresh()).sessionId(), null, this.clock.instant());

		assertThat(refreshFailure(refresher, loggedOut.refresh())).isEqualTo(InvalidTokenException.BLACKLISTED);
		assertThat(refreshFailure(refresher, revoked.refresh())).isEqualTo(InvalidTokenException.BLACKLISTED);
		assertThat(this.sessions.find(refreshClaims(loggedOut.refresh()).sessionId()).orElseThrow().isRevoked())
			.as("a logged-out token is no reuse").isFalse();
		assertThat(this.refreshed).isEmpty();
	}

	@Test
	void refreshWhenAnAccessTokenIsPresentedThenWrongType() {
		TokenPair login = login(RotationSettings.defaults());

		assertThat(refreshFailure(refresher(RotationSettings.defaults()), login.access()))
			.isEqualTo(InvalidTokenException.WRONG_TYPE);
	}

	@Test
	void refreshWhenRotationIsOffThenAnAccessTokenOnlyAndTheRefreshTokenStaysUsable() {
		RotationSettings off = new RotationSettings(false, false, Duration.ZERO, Duration.ofDays(30));
		TokenRefresher refresher = refresher(off);
		TokenPair login = login(off);

		RefreshedTokens first = refresher.refresh(login.refresh(), CLIENT);
		RefreshedTokens second = refresher.refresh(login.refresh(), CLIENT);

		assertThat(first.refresh()).isNull();
		assertThat(second.refresh()).isNull();
		assertThat(this.authenticator.authenticate(second.access()).sessionId())
			.isEqualTo(refreshClaims(login.refresh()).sessionId());
		OutstandingToken stored = this.tokens.find(refreshClaims(login.refresh()).tokenId()).orElseThrow();
		assertThat(stored.isReplaced()).isFalse();
		assertThat(stored.blacklisted()).isFalse();
	}

	@Test
	void refreshWhenRotatingWithoutBlacklistThenTheOldTokenStaysUsableAndNothingIsRevoked() {
		RotationSettings keep = new RotationSettings(true, false, Duration.ZERO, Duration.ofDays(30));
		TokenRefresher refresher = refresher(keep);
		TokenPair login = login(keep);

		RefreshedTokens first = refresher.refresh(login.refresh(), CLIENT);
		this.clock.advance(Duration.ofMinutes(1));
		RefreshedTokens again = refresher.refresh(login.refresh(), CLIENT);

		assertThat(refreshClaims(again.refresh()).tokenId()).isNotEqualTo(refreshClaims(first.refresh()).tokenId());
		assertThat(this.tokens.find(refreshClaims(login.refresh()).tokenId()).orElseThrow().blacklisted()).isFalse();
		assertThat(this.revokedSessions.isRevoked(refreshClaims(login.refresh()).sessionId())).isFalse();
	}

	@Test
	void refreshWhenLatchkeyHasNoRecordOfTheTokenThenItIsAdoptedIntoANewSessionAndRotated() {
		TokenRefresher refresher = refresher(RotationSettings.defaults());
		// Issued by Django during a cut-over: same key and claims, no sid, no record here.
		String django = this.issuer.issuePair(this.alice, null, Instant.MAX).pair().refresh();
		VerifiedToken presented = refreshClaims(django);

		RefreshedTokens adopted = refresher.refresh(django, CLIENT);

		List<Session> live = this.sessions.findLive(this.alice, this.clock.instant());
		assertThat(live).singleElement().satisfies((session) -> {
			assertThat(session.expiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofDays(30)));
			assertThat(refreshClaims(adopted.refresh()).sessionId()).isEqualTo(session.id());
		});
		assertThat(this.tokens.find(presented.tokenId()).orElseThrow().replacedBy())
			.isEqualTo(refreshClaims(adopted.refresh()).tokenId());
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(refreshFailure(refresher, django)).as("adopted tokens get reuse detection too")
			.isEqualTo(InvalidTokenException.BLACKLISTED);
	}

	@Test
	void refreshWhenAnUnknownTokenBelongsToAnInactiveUserThenNothingIsAdopted() {
		String django = this.issuer.issuePair(this.alice, null, Instant.MAX).pair().refresh();
		this.users.setActive(this.alice, false);

		assertThat(refreshFailure(refresher(RotationSettings.defaults()), django))
			.isEqualTo(InvalidTokenException.NO_ACTIVE_ACCOUNT);
		assertThat(this.tokens.find(refreshClaims(django).tokenId())).isEmpty();
		this.users.setActive(this.alice, true);
		assertThat(this.sessions.findLive(this.alice, this.clock.instant())).isEmpty();
	}

}
