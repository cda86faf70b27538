package dev.latchkey.autoconfigure;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.latchkey.database.DatabaseMonitor;

/**
 * Reports the {@code latchkeyDatabase} health contributor from the {@link DatabaseMonitor}'s last
 * background check: answers at once, never waits for the database, and is DOWN within the check
 * interval plus timeout of the database becoming unreachable, frozen or read only.
 */
final class DatabaseHealthIndicator implements HealthIndicator {

	private final DatabaseMonitor monitor;

	DatabaseHealthIndicator(DatabaseMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public Health health() {
		return switch (this.monitor.state()) {
			case UP -> Health.up().build();
			case READ_ONLY -> Health.down().withDetail("error", "The database is read only").build();
			case UNAVAILABLE -> Health.down().withDetail("error", "The database is unavailable").build();
		};
	}

}
