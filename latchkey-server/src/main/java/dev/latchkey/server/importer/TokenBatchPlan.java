package dev.latchkey.server.importer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to do with one batch of Django's blacklisted tokens: store it revoked, blacklist the row
 * Latchkey already has (a Django token adopted during the cut-over, revoked in Django since),
 * leave it (already blacklisted: a second run), or skip it: an expired token is refused anyway,
 * and one whose user is not in Latchkey can never be accepted either (and has no user to hold it).
 *
 * @param toInsert tokens Latchkey has never seen
 * @param toBlacklist tokens Latchkey stores but has not blacklisted
 * @param unchanged tokens already blacklisted
 * @param expired tokens skipped because they have expired
 * @param orphaned tokens skipped because their user is not in Latchkey
 */
record TokenBatchPlan(List<DjangoToken> toInsert, List<DjangoToken> toBlacklist, int unchanged, int expired,
		int orphaned) {

	static final int JTI_LENGTH = 255;

	/**
	 * @param known the stored jtis of the batch, each with whether it is blacklisted
	 * @param users the ids of the batch's users that Latchkey has
	 * @param now tokens that expired before this are skipped
	 */
	static TokenBatchPlan of(List<DjangoToken> batch, Map<String, Boolean> known, Set<Long> users, Instant now) {
		List<DjangoToken> toInsert = new ArrayList<>();
		List<DjangoToken> toBlacklist = new ArrayList<>();
		int unchanged = 0;
		int expired = 0;
		int orphaned = 0;
		for (DjangoToken token : batch) {
			Boolean blacklisted = known.get(token.jti());
			if (Boolean.TRUE.equals(blacklisted)) {
				unchanged++;
			}
			else if (blacklisted != null) {
				toBlacklist.add(token);
			}
			else if (token.expiresAt() == null || !token.expiresAt().isAfter(now)) {
				expired++;
			}
			else if (token.userId() == null || !users.contains(token.userId()) || !storable(token.jti())) {
				orphaned++;
			}
			else {
				toInsert.add(token);
			}
		}
		return new TokenBatchPlan(List.copyOf(toInsert), List.copyOf(toBlacklist), unchanged, expired, orphaned);
	}

	private static boolean storable(String jti) {
		return jti != null && !jti.isEmpty() && jti.length() <= JTI_LENGTH;
	}

}
