package dev.latchkey.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Latchkey rides out faults: a database that is down, frozen or read only, and clients that
 * hold request threads. Every wait is bounded so that a fault gives a fast 503, never a hang.
 *
 * @param queryTimeout longest one of Latchkey's statements may run before it is cancelled and
 * the request answered with 503
 * @param outageTolerance how long, while the database is unavailable, access tokens keep being
 * accepted on the last known user state and revocation list; at most, and by default, the
 * access-token lifetime plus leeway; 0s refuses them at once
 * @param databaseCheckInterval how often the database is checked for readiness (a read and a
 * write that changes nothing)
 * @param databaseCheckTimeout how long a database check may take; readiness goes DOWN when no
 * check succeeded within the interval plus this
 * @param maxRequestsPerAddress requests one client address may have in progress at once;
 * beyond, 429 at once; 0 for no limit
 * @param maxConcurrentRequests requests in progress at once, from all clients, before 503 at
 * once, so some request threads always remain for the health probes; 0 for no limit
 * @param bodyReadTimeout longest a client may take to send a request body; slower ones get 400
 */
@ConfigurationProperties("latchkey.resilience")
public record LatchkeyResilienceProperties(@DefaultValue("2s") Duration queryTimeout, Duration outageTolerance,
		@DefaultValue("500ms") Duration databaseCheckInterval, @DefaultValue("1s") Duration databaseCheckTimeout,
		@DefaultValue("100") int maxRequestsPerAddress, @DefaultValue("150") int maxConcurrentRequests,
		@DefaultValue("5s") Duration bodyReadTimeout) {

	/** The staleness limit actually used, capped at {@code accessLifetime}. */
	Duration outageTolerance(Duration accessLifetime) {
		if (this.outageTolerance == null || this.outageTolerance.compareTo(accessLifetime) > 0) {
			return accessLifetime;
		}
		return this.outageTolerance.isNegative() ? Duration.ZERO : this.outageTolerance;
	}

}
