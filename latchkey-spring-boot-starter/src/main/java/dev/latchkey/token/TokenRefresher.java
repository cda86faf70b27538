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

	private final TokenFamilyRepository families;

	private final RotationSettings rotation;

	private final ActiveUsers activeUsers;

	private final RevokedFamilies revokedFamilies;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final AuditLog audit;

	public TokenRefresher(TokenVerifier verifier, TokenIssuer issuer, OutstandingTokenRepository tokens,
			TokenFamilyRepository families, RotationSettings rotation, ActiveUsers activeUsers,
			RevokedFamilies revokedFamilies, TransactionOperations transactions, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.verifier = verifier;
		this.issuer = issuer;
		this.tokens = tokens;
		this.families = families;
		this.rotation = rotation;
		this.activeUsers = activeUsers;
		this.revokedFamilies = revokedFamilies;
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
				if (outcome.revokedFamily() != null) {
					this.audit.record(AuditEvent.REUSE_DETECTED, presented.userId(), client.ip(), client.userAgent(),
							"session revoked");
				}
				RefreshedTokens refreshed = outcome.unwrap(this.revokedFamilies);
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
		Optional<OutstandingToken> stored = this.tokens.find(presented.tokenId());
		if (stored.isEmpty()) {
			return adopt(presented, now);
		}
		OutstandingToken token = stored.get();
		TokenFamily family = this.families.find(token.familyId()).orElse(null);
		if (family == null || family.isRevoked()) {
			return Outcome.failed(InvalidTokenException.blacklisted());
		}
		if (token.isReplaced() && this.rotation.detectsReuse()) {
			return replay(token, family, now);
		}
		if (token.blacklisted()) {
			return Outcome.failed(InvalidTokenException.blacklisted());
		}
		if (!family.expiresAt().isAfter(now)) {
			return Outcome.failed(InvalidTokenException.invalidOrExpired());
		}
		if (!this.activeUsers.isActive(token.userId())) {
			return Outcome.failed(InvalidTokenException.noActiveAccount());
		}
		this.families.touch(family.id(), now);
		if (!this.rotation.rotate()) {
			return Outcome.refreshed(this.issuer.issueAccess(token.userId(), family.id(), family.amr()), null);
		}
		return rotate(token, family, now);
	}

	private Outcome rotate(OutstandingToken token, TokenFamily family, Instant now) {
		TokenIssuer.IssuedPair next = this.issuer.issuePair(token.userId(), family.id(), family.expiresAt(), family.amr());
		if (this.rotation.detectsReuse() && !this.tokens.markReplaced(token.tokenId(), next.refreshTokenId(), now)) {
			return replay(this.tokens.find(token.tokenId()).orElseThrow(), family, now);
		}
		this.tokens.save(OutstandingToken.issued(next.refreshTokenId(), token.userId(), family.id(), next.issuedAt(),
				next.refreshExpiresAt()));
		if (this.rotation.blacklistAfterRotation()) {
			this.tokens.blacklist(token.tokenId(), now);
		}
		return Outcome.refreshed(next.pair().access(), next.pair().refresh());
	}

	/** A token that was already rotated out is presented again. */
	private Outcome replay(OutstandingToken token, TokenFamily family, Instant now) {
		boolean withinGrace = !this.rotation.gracePeriod().isZero()
				&& !now.isAfter(token.replacedAt().plus(this.rotation.gracePeriod()));
		if (withinGrace) {
			Optional<OutstandingToken> successor = this.tokens.find(token.replacedBy());
			if (successor.isPresent() && !successor.get().blacklisted() && this.activeUsers.isActive(token.userId())) {
				return Outcome.refreshed(this.issuer.issueAccess(token.userId(), family.id(), family.amr()),
						this.issuer.reissueRefresh(successor.get()));
			}
		}
		this.families.revoke(token.userId(), family.id(), null, now);
		return Outcome.revoked(family.id());
	}

	/** A valid refresh token Latchkey has no record of (issued by Django during a cut-over). */
	private Outcome adopt(VerifiedToken presented, Instant now) {
		if (!this.activeUsers.isActive(presented.userId())) {
			return Outcome.failed(InvalidTokenException.noActiveAccount());
		}
		TokenFamily family = new TokenFamily(TokenIssuer.newTokenId(), presented.userId(), now, now,
				now.plus(this.rotation.sessionMaximum()), null, ClientInfo.none());
		this.families.save(family);
		OutstandingToken token = OutstandingToken.issued(presented.tokenId(), presented.userId(), family.id(),
				presented.issuedAt(), presented.expiresAt());
		this.tokens.save(token);
		if (!this.rotation.rotate()) {
			return Outcome.refreshed(this.issuer.issueAccess(token.userId(), family.id(), family.amr()), null);
		}
		return rotate(token, family, now);
	}

	/** What a refresh transaction decided; failures are thrown only after it committed. */
	private record Outcome(RefreshedTokens tokens, InvalidTokenException error, String revokedFamily) {

		static Outcome refreshed(String access, String refresh) {
			return new Outcome(new RefreshedTokens(access, refresh), null, null);
		}

		static Outcome failed(InvalidTokenException error) {
			return new Outcome(null, error, null);
		}

		static Outcome revoked(String familyId) {
			return new Outcome(null, InvalidTokenException.blacklisted(), familyId);
		}

		RefreshedTokens unwrap(RevokedFamilies revokedFamilies) {
			if (this.revokedFamily != null) {
				revokedFamilies.markRevoked(this.revokedFamily);
			}
			if (this.error != null) {
				throw this.error;
			}
			return this.tokens;
		}

	}

}
