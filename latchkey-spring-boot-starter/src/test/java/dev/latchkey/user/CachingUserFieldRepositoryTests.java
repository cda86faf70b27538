package dev.latchkey.user;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.latchkey.database.DatabaseAvailability;
import dev.latchkey.testing.InMemoryUserFieldRepository;
import dev.latchkey.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request path reuses a user's sign-up fields as long as it reuses the user, and no longer.
 */
class CachingUserFieldRepositoryTests {

	private static final Duration TTL = Duration.ofMillis(500);

	private final MutableClock clock = new MutableClock();

	/** The table, as every instance sees it. */
	private final InMemoryUserFieldRepository table = new InMemoryUserFieldRepository();

	private final AtomicInteger reads = new AtomicInteger();

	private final CachingUserFieldRepository fields = new CachingUserFieldRepository(new UserFieldRepository() {

		@Override
		public void save(long userId, Map<String, String> values) {
			CachingUserFieldRepositoryTests.this.table.save(userId, values);
		}

		@Override
		public Map<String, String> find(long userId) {
			CachingUserFieldRepositoryTests.this.reads.incrementAndGet();
			return CachingUserFieldRepositoryTests.this.table.find(userId);
		}

	}, TTL, Duration.ofMinutes(5), this.clock, DatabaseAvailability.ALWAYS, true);

	@Test
	void findWithinTheUserCacheTtlThenOneReadAfterItAnother() {
		this.table.save(7, Map.of("company", "Acme"));

		assertThat(this.fields.find(7)).containsEntry("company", "Acme");
		this.clock.advance(Duration.ofMillis(400));
		assertThat(this.fields.find(7)).containsEntry("company", "Acme");
		assertThat(this.reads).hasValue(1);

		this.table.save(7, Map.of("team", "Blue"));
		assertThat(this.fields.find(7)).as("another instance's write, within the TTL").doesNotContainKey("team");
		this.clock.advance(Duration.ofMillis(101));
		assertThat(this.fields.find(7)).as("another instance's write, once the TTL is over")
			.containsEntry("team", "Blue");
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void saveThenTheNextFindReadsTheNewValuesAtOnce() {
		this.table.save(7, Map.of("company", "Acme"));
		this.fields.find(7);

		this.fields.save(7, Map.of("team", "Blue"));

		assertThat(this.fields.find(7)).containsEntry("company", "Acme").containsEntry("team", "Blue");
		assertThat(this.reads).hasValue(2);
	}

}
