package dev.latchkey.user;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.audit.LatchkeyEvent;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.testing.InMemoryAttemptRepository;
import dev.latchkey.testing.InMemoryUserFieldRepository;
import dev.latchkey.testing.InMemoryUserRepository;
import dev.latchkey.testing.MutableClock;
import dev.latchkey.throttle.LoginThrottle;
import dev.latchkey.throttle.ThrottleSettings;
import dev.latchkey.throttle.ThrottledException;
import dev.latchkey.token.ClientInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Registration} with Django's password validators, the real throttle and Argon2 hasher, on
 * in-memory repositories: every error at once, a taken name refused before hashing, a name taken
 * during hashing (another instance) still refused, concurrent sign-ups of one name hashing once,
 * and the per-address sign-up limit.
 */
class RegistrationTests {

	private static final String PASSWORD = "correct horse battery staple";

	private static final ClientInfo CLIENT = new ClientInfo("Firefox", "203.0.113.1");

	private final MutableClock clock = new MutableClock();

	private final InMemoryUserRepository users = new InMemoryUserRepository();

	private final InMemoryUserFieldRepository fields = new InMemoryUserFieldRepository();

	private final InMemoryAttemptRepository attempts = new InMemoryAttemptRepository();

	private final WatchedHasher hasher = new WatchedHasher();

	private final List<LatchkeyEvent> events = new CopyOnWriteArrayList<>();

	/** An application's extra field: a team, blue or red. */
	private final SignUpField team = new SignUpField() {

		@Override
		public String name() {
			return "team";
		}

		@Override
		public boolean required() {
			return false;
		}

		@Override
		public List<String> validate(String value) {
			return List.of("blue", "red").contains(value) ? List.of() : List.of("Pick blue or red.");
		}

	};

	/** Two sign-ups per address per hour. */
	private final Registration registration = new Registration(this.users, this.hasher,
			PasswordPolicy.djangoDefaults(), this.clock,
			new LoginThrottle(this.attempts, new ThrottleSettings(5, 50, Duration.ofSeconds(1), Duration.ofMinutes(5),
					Duration.ofMinutes(15), 2, Duration.ofHours(1)), this.clock, this.attempts.transactions()),
			new AuditLog(List.of(this.events::add), this.clock), List.of(this.team), this.fields,
			TransactionOperations.withoutTransaction());

	private static SignUpForm form(String username) {
		return new SignUpForm(username, PASSWORD, "", "", Map.of());
	}

	private User register(SignUpForm form, ClientInfo client) {
		return this.registration.register(form, new FieldErrors(), client);
	}

	private Map<String, List<String>> errors(SignUpForm form, ClientInfo client) {
		try {
			register(form, client);
		}
		catch (InvalidFieldsException ex) {
			return ex.errors();
		}
		throw new AssertionError("sign-up succeeded");
	}

	@Test
	void registerThenStoredUnderTheNormalisedNameWithAHashOfThePasswordAndItsFields() {
		SignUpForm form = new SignUpForm("\uff41lice", PASSWORD, "Alice", "alice@example.com", Map.of("team", "blue"));

		User user = register(form, CLIENT);

		User stored = this.users.findByUsername("alice").orElseThrow();
		assertThat(stored.id()).isEqualTo(user.id());
		assertThat(stored.name()).isEqualTo("Alice");
		assertThat(stored.email()).isEqualTo("alice@example.com");
		assertThat(stored.dateJoined()).isEqualTo(this.clock.instant());
		assertThat(stored.passwordHash()).startsWith("argon2$argon2id$");
		assertThat(this.hasher.matches(PASSWORD, stored.passwordHash())).isTrue();
		assertThat(this.fields.find(user.id())).containsExactly(Map.entry("team", "blue"));
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(AuditEvent.SIGN_UP);
			assertThat(event.userId()).isEqualTo(user.id());
			assertThat(event.ip()).isEqualTo(CLIENT.ip());
		});
	}

	@Test
	void registerWhenTheNameIsTakenThenRefusedBeforeHashing() {
		register(form("bob"), CLIENT);
		int hashes = this.hasher.hashes();

		assertThat(errors(form("bob"), new ClientInfo("", "198.51.100.2")))
			.containsExactly(Map.entry("username", List.of(Registration.DUPLICATE_USERNAME)));
		assertThat(this.hasher.hashes()).isEqualTo(hashes);
	}

	@Test
	void registerWhenEverythingIsWrongThenEveryErrorAtOnceAndNothingStoredOrHashed() {
		SignUpForm form = new SignUpForm("not a name!", "12345678", "", "not-an-email", Map.of("team", "green"));
		FieldErrors earlier = new FieldErrors().add("name", "Ensure this field has no more than 256 characters.");

		assertThatExceptionOfType(InvalidFieldsException.class)
			.isThrownBy(() -> this.registration.register(form, earlier, CLIENT))
			.satisfies((ex) -> {
				assertThat(ex.errors()).containsOnlyKeys("name", "username", "email", "team", "password");
				assertThat(ex.errors().get("username")).containsExactly(UsernameRules.INVALID);
				assertThat(ex.errors().get("email")).containsExactly(EmailRules.INVALID);
				assertThat(ex.errors().get("team")).containsExactly("Pick blue or red.");
				assertThat(ex.errors().get("password")).contains("This password is too common.",
						"This password is entirely numeric.");
			});
		assertThat(this.hasher.hashes()).isZero();
		assertThat(this.events).isEmpty();
	}

	@Test
	void registerWhenAnotherInstanceStoresTheNameWhileHashingThenDuplicateAndTheirUserStays() {
		this.hasher.beforeEachHash(() -> {
			this.hasher.beforeEachHash(() -> {
			});
			this.users.insert(new NewUser("carol", "Other instance", "", "!"), this.clock.instant());
		});

		assertThat(errors(new SignUpForm("carol", PASSWORD, "", "", Map.of("team", "red")), CLIENT))
			.containsExactly(Map.entry("username", List.of(Registration.DUPLICATE_USERNAME)));

		User stored = this.users.findByUsername("carol").orElseThrow();
		assertThat(stored.name()).isEqualTo("Other instance");
		assertThat(this.fields.find(stored.id())).isEmpty();
		assertThat(this.events).isEmpty();
	}

	@Test
	void registerWhenTwoSignUpsOfOneNameOverlapOnThisInstanceThenOneHashAndOneDuplicate() throws Exception {
		AtomicReference<CompletableFuture<User>> second = new AtomicReference<>();
		this.hasher.beforeEachHash(() -> {
			this.hasher.beforeEachHash(() -> {
			});
			// While the first hashes, the second arrives and waits for its outcome instead of hashing too.
			Thread[] waiting = new Thread[1];
			second.set(CompletableFuture.supplyAsync(() -> {
				waiting[0] = Thread.currentThread();
				return register(form("dave"), new ClientInfo("", "198.51.100.3"));
			}));
			awaitWaiting(waiting);
		});

		User first = register(form("dave"), CLIENT);

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> second.get().get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(InvalidFieldsException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(Map.entry("username", List.of(Registration.DUPLICATE_USERNAME))));
		assertThat(this.hasher.hashes()).isEqualTo(1);
		assertThat(this.users.findByUsername("dave").orElseThrow().id()).isEqualTo(first.id());
	}

	/** Until the second sign-up's thread blocks (on the first one's outcome); no timing asserted. */
	private static void awaitWaiting(Thread[] thread) {
		for (int i = 0; i < 10_000; i++) {
			Thread t = thread[0];
			if (t != null && (t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.WAITING)) {
				return;
			}
			Thread.onSpinWait();
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("the second sign-up never waited for the first");
	}

	@Test
	void registerWhenPastTheSignUpLimitThenThrottledPerAddressUntilTheWindowEnds() {
		register(form("erin"), CLIENT);
		assertThat(errors(form("erin"), CLIENT)).containsKey("username");

		assertThatExceptionOfType(ThrottledException.class).isThrownBy(() -> register(form("frank"), CLIENT))
			.satisfies((ex) -> assertThat(ex.waitSeconds()).isEqualTo(3600));
		assertThat(this.users.findByUsername("frank")).isEmpty();
		assertThat(register(form("frank"), new ClientInfo("", "198.51.100.4")).username()).isEqualTo("frank");

		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		assertThat(register(form("grace"), CLIENT).username()).isEqualTo("grace");
	}

}
