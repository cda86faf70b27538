package dev.latchkey.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions revoked recently enough that their access tokens may still be alive, held in
 * memory so the request path checks revocation with one hash lookup and no query.
 *
 * <p>Revocations made by this instance count at once; those made by other instances sharing the
 * database arrive with the next {@link #reload()}, which the auto-configuration runs every
 * {@code latchkey.jwt.revocation-poll-interval}. A revocation older than the access-token
 * lifetime (plus leeway) is forgotten: no access token of that session can still be valid.
 */
public final class RevokedFamilies {

	private final TokenFamilyRepository families;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

	/**
	 * @param families where revocations are stored
	 * @param window how long a revocation matters: the access-token lifetime plus leeway
	 * @param clock the clock
	 */
	public RevokedFamilies(TokenFamilyRepository families, Duration window, Clock clock) {
		this.families = families;
		this.window = window;
		this.clock = clock;
	}

	/** Whether access tokens of this session must be refused. */
	public boolean isRevoked(String familyId) {
		return familyId != null && this.revoked.containsKey(familyId);
	}

	/** Record a revocation made by this instance. */
	public void markRevoked(String familyId) {
		this.revoked.put(familyId, this.clock.instant());
	}

	/** Pick up revocations made by every instance, and forget those too old to matter. */
	public void reload() {
		Instant now = this.clock.instant();
		Instant since = now.minus(this.window);
		for (String id : this.families.findRevokedSince(since)) {
			this.revoked.putIfAbsent(id, now);
		}
		this.revoked.values().removeIf((at) -> at.isBefore(since));
	}

}
