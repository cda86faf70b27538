package dev.latchkey.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;

/**
 * Token use cases besides refresh: start a session (sign-up, login), authenticate an access
 * token (the request path), verify any token (the verify endpoint) and revoke a session by its
 * refresh token (the blacklist and logout endpoints).
 */
public final class TokenService {

	private final TokenIssuer issuer;

	private final TokenVerifier verifier;

	private final OutstandingTokenRepository tokens;

	private final TokenFamilyRepository families;

	private final RevokedFamilies revokedFamilies;

	private final RotationSettings rotation;

	private final Clock clock;

	private final AuditLog audit;

	private final boolean acceptSliding;

	public TokenService(TokenIssuer issuer, TokenVerifier verifier, OutstandingTokenRepository tokens,
			TokenFamilyRepository families, RevokedFamilies revokedFamilies, RotationSettings rotation, Clock clock,
			AuditLog audit, boolean acceptSliding) {
		this.audit = audit;
		this.acceptSliding = acceptSliding;
		this.issuer = issuer;
		this.verifier = verifier;
		this.tokens = tokens;
		this.families = families;
		this.revokedFamilies = revokedFamilies;
		this.rotation = rotation;
		this.clock = clock;
	}

	/**
	 * Start a new session (refresh-token family) for a user who just proved who they are.
	 * @param userId the user's primary key
	 * @param client who is logging in
	 * @return the new pair
	 */
	public TokenPair startSession(long userId, ClientInfo client) {
		return startSession(userId, client, TokenFamily.PASSWORD);
	}

	/**
	 * Start a new session recording how the user authenticated: its access tokens, refreshed or
	 * not, carry it as their {@code amr} claim.
	 * @param amr RFC 8176 method names: {@code ["pwd"]}, {@code ["pwd", "otp"]}, {@code ["webauthn"]}
	 */
	public TokenPair startSession(long userId, ClientInfo client, java.util.List<String> amr) {
		Instant now = this.clock.instant();
		TokenFamily family = new TokenFamily(TokenIssuer.newTokenId(), userId, now, now, now.plus(this.rotation.sessionMaximum()),
				null, client, amr);
		this.families.save(family);
		TokenIssuer.IssuedPair issued = this.issuer.issuePair(userId, family.id(), family.expiresAt(), family.amr());
		this.tokens.save(OutstandingToken.issued(issued.refreshTokenId(), userId, family.id(), issued.issuedAt(),
				issued.refreshExpiresAt()));
		return issued.pair();
	}

	/**
	 * Verify an access token (or a sliding token, when those authenticate) as the request filter
	 * does: signature and claims, then whether its session was revoked (an in-memory lookup, no
	 * query).
	 * @throws InvalidTokenException with SimpleJWT's message
	 */
	public VerifiedToken authenticateAccess(String token) {
		VerifiedToken verified = this.acceptSliding ? this.verifier.verifyUntyped(token)
				: this.verifier.verify(token, TokenType.ACCESS);
		if (verified.type() == TokenType.REFRESH) {
			throw new InvalidTokenException(InvalidTokenException.WRONG_TYPE);
		}
		if (this.revokedFamilies.isRevoked(verified.sessionId())) {
			throw InvalidTokenException.blacklisted();
		}
		return verified;
	}

	/**
	 * SimpleJWT's verify endpoint: any token type.
	 * @return whether the token was revoked (SimpleJWT answers 400 "Token is blacklisted")
	 * @throws InvalidTokenException if the token is not valid at all
	 */
	public boolean isRevoked(String token) {
		VerifiedToken verified = this.verifier.verifyUntyped(token);
		if (this.revokedFamilies.isRevoked(verified.sessionId())) {
			return true;
		}
		if (verified.type() != TokenType.REFRESH) {
			return false;
		}
		return this.tokens.find(verified.tokenId()).map(this::isDead).orElse(false);
	}

	/**
	 * Blacklist a refresh token and end its session (logout, SimpleJWT's blacklist endpoint). Any
	 * refresh token of a live session ends it: one rotated out within the grace period (two tabs)
	 * as a logout; one rotated out before that as the reuse it is, as refresh treats it (the
	 * session is revoked, and the answer is "Token is blacklisted").
	 * @throws InvalidTokenException "Token is blacklisted" if its session had already ended or it
	 * was reused, or if invalid
	 */
	public void revokeSession(String refreshToken, ClientInfo client) {
		VerifiedToken verified = this.verifier.verify(refreshToken, TokenType.REFRESH);
		Instant now = this.clock.instant();
		Optional<OutstandingToken> stored = this.tokens.find(verified.tokenId());
		if (stored.isEmpty()) {
			// Issued elsewhere (Django, during a cut-over): record it so that it stays revoked.
			String familyId = TokenIssuer.newTokenId();
			this.families.save(new TokenFamily(familyId, verified.userId(), now, now, verified.expiresAt(), null,
					ClientInfo.none()));
			this.tokens.save(OutstandingToken.issued(verified.tokenId(), verified.userId(), familyId,
					verified.issuedAt(), verified.expiresAt()));
			stored = this.tokens.find(verified.tokenId());
		}
		OutstandingToken token = stored.orElseThrow();
		if (this.families.find(token.familyId()).map(TokenFamily::isRevoked).orElse(true)) {
			throw InvalidTokenException.blacklisted();
		}
		this.tokens.blacklist(token.tokenId(), now);
		this.families.revoke(token.userId(), token.familyId(), null, now).forEach(this.revokedFamilies::markRevoked);
		if (token.blacklisted() && !rotatedOutWithinGrace(token, now)) {
			this.audit.record(AuditEvent.REUSE_DETECTED, token.userId(), client.ip(), client.userAgent(),
					"session revoked");
			throw InvalidTokenException.blacklisted();
		}
		this.audit.record(AuditEvent.LOGOUT, token.userId(), client.ip(), client.userAgent(), "ok");
	}

	private boolean rotatedOutWithinGrace(OutstandingToken token, Instant now) {
		return token.isReplaced() && !this.rotation.gracePeriod().isZero()
				&& !now.isAfter(token.replacedAt().plus(this.rotation.gracePeriod()));
	}

	private boolean isDead(OutstandingToken token) {
		return token.blacklisted() || this.families.find(token.familyId()).map(TokenFamily::isRevoked).orElse(true);
	}

}
