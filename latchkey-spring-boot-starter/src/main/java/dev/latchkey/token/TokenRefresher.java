package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;

/**
 * {@code POST /api/token/refresh/}: SimpleJWT's refresh with rotation, made safe.
 *
 * <ul>
 * <li>Rotation is one small transaction whose conditional update lets exactly one of many
 * concurrent refreshes of a token win; the losers take the replay path below.</li>
 * <li>A rotated-out token presented again within the grace period gets the same successor
 * (re-signed, same {@code jti}): two tabs refreshing at once do not fork the session.</li>
 * <li>Presented after the grace period, it revokes the whole session (reuse detection, RFC 9700
 * section 4.14.2): the thief's and the victim's newest tokens die together.</li>
 * <li>A session never outlives its absolute maximum, and the user must still exist and be active.</li>
 * </ul>
 */
public final class TokenRefresher {

	private static final int ATTEMPTS = 3;

	private final TokenVerifier verifier;

	private final TokenIssuer issuer;

	private final OutstandingTokenRepository tokens;

	private final SessionRepository sessions;

	private final RotationSettings rotation;

	private final ActiveUsers activeUsers;

	private final RevokedSessions revokedSessions;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final AuditLog audit;

	public TokenRefresher(TokenVerifier verifier, TokenIssuer issuer, OutstandingTokenRepository tokens,
			SessionRepository sessions, RotationSettings rotation, ActiveUsers activeUsers,
			RevokedSessions revokedSessions, TransactionOperations transactions, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.verifier = verifier;
		this.issuer = issuer;
		this.tokens = tokens;
		this.sessions = sessions;
		this.rotation = rotation;
		this.activeUsers = activeUsers;
		this.revokedSessions = revokedSessions;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Exchange a refresh token for a new access token, and a new refresh token when rotation is on.
	 * @param raw the refresh token
	 * @param client who presents it, for the audit log when it turns out to be a replay
	 * @return the new tokens ({@code refresh} is {@code null} without rotation)
	 * @throws InvalidTokenException with SimpleJWT's message
	 */
	public RefreshedTokens refresh(String raw, ClientInfo client) {
		VerifiedToken presented = this.verifier.verify(raw, TokenType.REFRESH);
		for (int attempt = 1;; attempt++) {
			try {
				Outcome outcome = this.transactions.execute((status) -> refreshStored(presented));
				if (outcome.revokedSession() != null) {
					this.audit.record(AuditEvent.REUSE_DETECTED, presented.userId(), client.ip(), client.userAgent(),
							"session revoked");
				}
				RefreshedTokens refreshed = outcome.unwrap(this.revokedSessions);
				this.audit.refreshed(presented.userId());
				return refreshed;
			}
			catch (TransientDataAccessException | DuplicateKeyException ex) {
				// Lost a race the database noticed first: the next attempt sees the winner's work.
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private Outcome refreshStored(VerifiedToken presented) {
		Instant now = this.clock.instant();
		Optional<StoredRefresh> stored = this.tokens.findWithSession(presented.tokenId());
		if (stored.isEmpty()) {
			return adopt(presented, now);
		}
		OutstandingToken token = stored.get().token();
		Session session = stored.get().session();
		if (session == null || session.isRevoked()) {
			return Outcome.failed(InvalidTokenException.blacklisted());
		}
		if (token.isReplaced() && this.rotation.detectsReuse()) {
			return replay(token, session, now);
		}
		if (token.blacklisted()) {
			return Outcome.failed(InvalidTokenException.blacklisted());
		}
		if (!session.expiresAt().isAfter(now)) {
			return Outcome.failed(InvalidTokenException.invalidOrExpired());
		}
		if (!this.activeUsers.isActive(token.userId())) {
			return Outcome.failed(InvalidTokenException.noActiveAccount());
		}
		this.sessions.touch(session.id(), now);
		if (!this.rotation.rotate()) {
			return Outcome.refreshed(this.issuer.issueAccess(token.userId(), session.id(), session.amr()), null);
		}
		return rotate(token, session, now);
	}

	private Outcome rotate(OutstandingToken token, Session session, Instant now) {
		TokenIssuer.IssuedPair next = this.issuer.issuePair(token.userId(), session.id(), session.expiresAt(), session.amr());
		if (this.rotation.detectsReuse() && !this.tokens.markReplaced(token.tokenId(), next.refreshTokenId(), now)) {
			return replay(this.tokens.find(token.tokenId()).orElseThrow(), session, now);
		}
		this.tokens.save(OutstandingToken.issued(next.refreshTokenId(), token.userId(), session.id(), next.issuedAt(),
				next.refreshExpiresAt()));
		if (this.rotation.blacklistAfterRotation()) {
			this.tokens.blacklist(token.tokenId(), now);
		}
		return Outcome.refreshed(next.pair().access(), next.pair().refresh());
	}

	/** A token that was already rotated out is presented again. */
	private Outcome replay(OutstandingToken token, Session session, Instant now) {
		boolean withinGrace = !this.rotation.gracePeriod().isZero()
				&& !now.isAfter(token.replacedAt().plus(this.rotation.gracePeriod()));
		if (withinGrace) {
			Optional<OutstandingToken> successor = this.tokens.find(token.replacedBy());
			if (successor.isPresent() && !successor.get().blacklisted() && this.activeUsers.isActive(token.userId())) {
				return Outcome.refreshed(this.issuer.issueAccess(token.userId(), session.id(), session.amr()),
						this.issuer.reissueRefresh(successor.get()));
			}
		}
		this.sessions.revoke(token.userId(), session.id(), null, now);
		return Outcome.revoked(session.id());
	}

	/** A valid refresh token Latchkey has no record of (issued by Django during a cut-over). */
	private Outcome adopt(VerifiedToken presented, Instant now) {
		if (!this.activeUsers.isActive(presented.userId())) {
			return Outcome.failed(InvalidTokenException.noActiveAccount());
		}
		Session session = new Session(TokenIssuer.newTokenId(), presented.userId(), now, now,
				now.plus(this.rotation.sessionMaximum()), null, ClientInfo.none());
		this.sessions.save(session);
		OutstandingToken token = OutstandingToken.issued(presented.tokenId(), presented.userId(), session.id(),
				presented.issuedAt(), presented.expiresAt());
		this.tokens.save(token);
		if (!this.rotation.rotate()) {
			return Outcome.refreshed(this.issuer.issueAccess(token.userId(), session.id(), session.amr()), null);
		}
		return rotate(token, session, now);
	}

	/** What a refresh transaction decided; failures are thrown only after it committed. */
	private record Outcome(RefreshedTokens tokens, InvalidTokenException error, String revokedSession) {

		static Outcome refreshed(String access, String refresh) {
			return new Outcome(new RefreshedTokens(access, refresh), null, null);
		}

		static Outcome failed(InvalidTokenException error) {
			return new Outcome(null, error, null);
		}

		static Outcome revoked(String sessionId) {
			return new Outcome(null, InvalidTokenException.blacklisted(), sessionId);
		}

		RefreshedTokens unwrap(RevokedSessions revokedSessions) {
			if (this.revokedSession != null) {
				revokedSessions.markRevoked(this.revokedSession);
			}
			if (this.error != null) {
				throw this.error;
			}
			return this.tokens;
		}

	}

}
