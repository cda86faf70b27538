package dev.latchkey.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.TestDatabases;
import dev.latchkey.testing.InMemoryUserFieldRepository;
import dev.latchkey.testing.InMemoryUserRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One contract, two implementations: {@link JdbcUserRepository} and {@link JdbcUserFieldRepository}
 * on H2, and the test fixtures {@link InMemoryUserRepository} and {@link InMemoryUserFieldRepository}.
 */
class UserRepositoryContractTests {

	abstract static class Contract {

		static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

		UserRepository users;

		UserFieldRepository fields;

		abstract UserRepository createUsers();

		abstract UserFieldRepository createFields();

		@BeforeEach
		void setUp() {
			this.users = createUsers();
			this.fields = createFields();
		}

		@Test
		void insertThenFoundByIdAndUsernameActiveAndWithoutFlags() {
			User alice = this.users.insert(new NewUser("alice", "Alice", "alice@example.com", "hash-a"), T0);
			User bob = this.users.insert(new NewUser("bob", "", "", "hash-b"), T0);

			User expected = new User(alice.id(), "alice", "Alice", "alice@example.com", "hash-a", true, false, false, T0,
					null);
			assertThat(alice).isEqualTo(expected);
			assertThat(this.users.findById(alice.id())).contains(expected);
			assertThat(this.users.findByUsername("alice")).contains(expected);
			assertThat(bob.id()).isNotEqualTo(alice.id());
			assertThat(this.users.findByUsername("Alice")).as("case-sensitive").isEmpty();
			assertThat(this.users.findById(bob.id() + alice.id())).isEmpty();
		}

		@Test
		void insertWhenUsernameTakenThenDuplicateUsernameAndTheFirstStays() {
			User alice = this.users.insert(new NewUser("alice", "", "", "hash-1"), T0);

			assertThatExceptionOfType(DuplicateUsernameException.class)
				.isThrownBy(() -> this.users.insert(new NewUser("alice", "", "", "hash-2"), T0));
			assertThat(this.users.findByUsername("alice").orElseThrow().passwordHash()).isEqualTo("hash-1");
			assertThat(this.users.insert(new NewUser("Alice", "", "", "hash-3"), T0).id()).isNotEqualTo(alice.id());
		}

		@Test
		void insertWhenRacingForOneUsernameThenExactlyOneSucceeds() throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				List<Callable<User>> racers = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					String hash = "hash-" + i;
					racers.add(() -> this.users.insert(new NewUser("carol", "", "", hash), T0));
				}
				int stored = 0;
				int refused = 0;
				for (Future<User> result : pool.invokeAll(racers)) {
					try {
						result.get();
						stored++;
					}
					catch (ExecutionException ex) {
						assertThat(ex.getCause()).isInstanceOf(DuplicateUsernameException.class);
						refused++;
					}
				}
				assertThat(stored).isEqualTo(1);
				assertThat(refused).isEqualTo(7);
			}
			finally {
				pool.shutdownNow();
			}
		}

		@Test
		void updatesThenReadBack() {
			long id = this.users.insert(new NewUser("dave", "Dave", "", "hash-1"), T0).id();

			assertThat(this.users.updateProfile(id, "David", "dave@example.com")).hasValueSatisfying((user) -> {
				assertThat(user.name()).isEqualTo("David");
				assertThat(user.email()).isEqualTo("dave@example.com");
			});
			this.users.updatePassword(id, "hash-2");
			this.users.updateLastLogin(id, T0.plusSeconds(60));

			assertThat(this.users.findById(id)).contains(new User(id, "dave", "David", "dave@example.com", "hash-2", true,
					false, false, T0, T0.plusSeconds(60)));
			assertThat(this.users.updateProfile(id + 1000, "Nobody", "")).isEmpty();
		}

		@Test
		void fieldsThenReadBackInNameOrderOncePerUser() {
			long id = this.users.insert(new NewUser("erin", "", "", "hash"), T0).id();
			long other = this.users.insert(new NewUser("frank", "", "", "hash"), T0).id();

			this.fields.save(id, Map.of("team", "blue", "city", "Oslo"));

			assertThat(this.fields.find(id)).containsExactly(Map.entry("city", "Oslo"), Map.entry("team", "blue"));
			assertThat(this.fields.find(other)).isEmpty();
			assertThatExceptionOfType(DuplicateKeyException.class)
				.isThrownBy(() -> this.fields.save(id, Map.of("team", "red")));
		}

	}

	@Nested
	class InMemory extends Contract {

		@Override
		UserRepository createUsers() {
			return new InMemoryUserRepository();
		}

		@Override
		UserFieldRepository createFields() {
			return new InMemoryUserFieldRepository();
		}

	}

	@Nested
	class Jdbc extends Contract {

		private final DataSource dataSource = TestDatabases.migrated();

		@Override
		UserRepository createUsers() {
			return new JdbcUserRepository(JdbcClient.create(this.dataSource));
		}

		@Override
		UserFieldRepository createFields() {
			return new JdbcUserFieldRepository(JdbcClient.create(this.dataSource));
		}

	}

}
