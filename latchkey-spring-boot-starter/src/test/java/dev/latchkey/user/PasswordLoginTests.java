package dev.latchkey.user;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.audit.LatchkeyEvent;
import dev.latchkey.password.HashingBusyException;
import dev.latchkey.testing.InMemoryAttemptRepository;
import dev.latchkey.testing.InMemoryUserRepository;
import dev.latchkey.testing.MutableClock;
import dev.latchkey.throttle.LoginThrottle;
import dev.latchkey.throttle.ThrottleSettings;
import dev.latchkey.throttle.ThrottledException;
import dev.latchkey.token.ClientInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PasswordLogin} with the real credentials check, throttle and Argon2 hasher, on in-memory
 * repositories: the check is reserved before the hash (so a locked account costs no hash, and a
 * concurrent attempt sees the reservation while the hash runs), failures are counted and audited,
 * a success starts the account's count over, and a check that never ran is given back.
 */
class PasswordLoginTests {

	private static final String PASSWORD = "correct horse battery staple";

	private static final ClientInfo CLIENT = new ClientInfo("Firefox", "203.0.113.1");

	private final MutableClock clock = new MutableClock();

	private final InMemoryUserRepository users = new InMemoryUserRepository();

	private final InMemoryAttemptRepository attempts = new InMemoryAttemptRepository();

	/** Three checks per account, five failures per address; a 10 s first lockout. */
	private final LoginThrottle throttle = new LoginThrottle(this.attempts, new ThrottleSettings(3, 5,
			Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(15), 20, Duration.ofHours(1)), this.clock,
			this.attempts.transactions());

	private final WatchedHasher hasher = new WatchedHasher();

	private final List<LatchkeyEvent> events = new CopyOnWriteArrayList<>();

	private final UserLookup lookup = UserLookup.byUsername(this.users);

	private final PasswordLogin login = new PasswordLogin(
			new CredentialsAuthenticator(this.users, this.lookup, this.hasher, this.clock, true), this.lookup,
			this.throttle, new AuditLog(List.of(this.events::add), this.clock));

	private final User alice = this.users.insert(new NewUser("alice", "Alice", "", this.hasher.encode(PASSWORD)),
			this.clock.instant());

	private void fail(String username, ClientInfo client) {
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.login.login(username, "wrong password", client));
	}

	private List<AuditEvent> eventTypes() {
		return this.events.stream().map(LatchkeyEvent::type).toList();
	}

	@Test
	void loginWhenTheRightPasswordThenTheUserAuditedWithItsIdAndLastLoginSet() {
		int before = this.hasher.hashes();

		User user = this.login.login("alice", PASSWORD, CLIENT);

		assertThat(user.id()).isEqualTo(this.alice.id());
		assertThat(this.hasher.hashes() - before).isEqualTo(1);
		assertThat(this.users.findById(this.alice.id()).orElseThrow().lastLogin()).isEqualTo(this.clock.instant());
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(AuditEvent.LOGIN_SUCCEEDED);
			assertThat(event.userId()).isEqualTo(this.alice.id());
			assertThat(event.ip()).isEqualTo(CLIENT.ip());
		});
	}

	@Test
	void loginWhenTheWrongPasswordThenInvalidCredentialsAuditedWithoutTheUserId() {
		fail("alice", CLIENT);

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(AuditEvent.LOGIN_FAILED);
			assertThat(event.userId()).isNull();
		});
		assertThat(this.users.findById(this.alice.id()).orElseThrow().lastLogin()).isNull();
	}

	@Test
	void loginWhenTheThresholdIsReachedThenLockedAndTheNextAttemptIsRefusedWithoutHashing() {
		fail("alice", CLIENT);
		fail("alice", CLIENT);
		fail("alice", CLIENT);
		assertThat(eventTypes()).endsWith(AuditEvent.LOGIN_FAILED, AuditEvent.LOCKOUT);
		int hashes = this.hasher.hashes();

		assertThatExceptionOfType(ThrottledException.class)
			.isThrownBy(() -> this.login.login("alice", PASSWORD, new ClientInfo("", "198.51.100.7")))
			.satisfies((ex) -> assertThat(ex.waitSeconds()).isEqualTo(10));

		assertThat(this.hasher.hashes()).as("no hash for a locked account").isEqualTo(hashes);
		assertThat(eventTypes()).endsWith(AuditEvent.LOGIN_THROTTLED);
		this.clock.advance(Duration.ofSeconds(11));
		assertThat(this.login.login("alice", PASSWORD, CLIENT).id()).isEqualTo(this.alice.id());
	}

	@Test
	void loginWhileAReservedCheckIsHashingThenAConcurrentAttemptAlreadyCountsIt() {
		fail("alice", CLIENT);
		fail("alice", CLIENT);
		AtomicReference<Throwable> concurrent = new AtomicReference<>();
		this.hasher.beforeEachHash(() -> {
			this.hasher.beforeEachHash(() -> {
			});
			// The third check is being hashed: it was reserved, and it locked the account.
			try {
				this.login.login("alice", PASSWORD, new ClientInfo("", "198.51.100.7"));
			}
			catch (RuntimeException ex) {
				concurrent.set(ex);
			}
		});

		User user = this.login.login("alice", PASSWORD, CLIENT);

		assertThat(concurrent.get()).isInstanceOf(ThrottledException.class);
		assertThat(user.id()).isEqualTo(this.alice.id());
		assertThat(this.login.login("alice", PASSWORD, CLIENT).id()).as("the success cleared the lock")
			.isEqualTo(this.alice.id());
	}

	@Test
	void loginWhenASuccessComesBetweenFailuresThenTheAccountsCountStartsOver() {
		fail("alice", CLIENT);
		fail("alice", CLIENT);
		this.login.login("alice", PASSWORD, CLIENT);
		fail("alice", CLIENT);
		fail("alice", CLIENT);

		assertThat(eventTypes()).doesNotContain(AuditEvent.LOCKOUT);
		fail("alice", CLIENT);
		assertThat(eventTypes()).endsWith(AuditEvent.LOCKOUT);
	}

	@Test
	void loginWhenOtherSpellingsOfTheNameThenOneCounter() {
		fail("alice", CLIENT);
		fail("\uff41\uff4c\uff49\uff43\uff45", CLIENT); // fullwidth "alice", NFKC-normalised to "alice"
		fail("alice", CLIENT);

		assertThatExceptionOfType(ThrottledException.class)
			.isThrownBy(() -> this.login.login("\uff41lice", PASSWORD, CLIENT));
	}

	@Test
	void loginWhenTheUserIsUnknownThenOneDummyHashAndTheNameIsCountedAllTheSame() {
		int before = this.hasher.hashes();
		fail("mallory", CLIENT);
		assertThat(this.hasher.hashes() - before).as("as costly as a known user").isEqualTo(1);
		fail("mallory", CLIENT);
		fail("mallory", CLIENT);

		assertThatExceptionOfType(ThrottledException.class).isThrownBy(() -> this.login.login("mallory", "x", CLIENT));
		assertThat(this.login.login("alice", PASSWORD, CLIENT).id()).isEqualTo(this.alice.id());
	}

	@Test
	void loginWhenTheUserIsInactiveThenInvalidCredentialsAsForAWrongPassword() {
		this.users.setActive(this.alice.id(), false);

		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.login.login("alice", PASSWORD, CLIENT));
		assertThat(eventTypes()).containsExactly(AuditEvent.LOGIN_FAILED);
	}

	@Test
	void loginWhenHashingIsBusyThenTheReservedAttemptIsGivenBack() {
		fail("alice", CLIENT);
		fail("alice", CLIENT);
		this.hasher.beforeEachHash(() -> {
			throw new HashingBusyException(Duration.ofSeconds(2));
		});
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(HashingBusyException.class)
				.isThrownBy(() -> this.login.login("alice", PASSWORD, CLIENT));
		}
		this.hasher.beforeEachHash(() -> {
		});

		assertThat(this.login.login("alice", PASSWORD, CLIENT).id()).as("three busy refusals locked nothing")
			.isEqualTo(this.alice.id());
		assertThat(eventTypes()).doesNotContain(AuditEvent.LOCKOUT, AuditEvent.LOGIN_THROTTLED);
	}

	@Test
	void loginWhenOneAddressFailsOnManyNamesThenTheAddressIsLockedForEveryName() {
		ClientInfo sprayer = new ClientInfo("", "192.0.2.66");
		for (int i = 0; i < 5; i++) {
			fail("user" + i, sprayer);
		}

		assertThatExceptionOfType(ThrottledException.class)
			.isThrownBy(() -> this.login.login("alice", PASSWORD, sprayer));
		assertThat(this.login.login("alice", PASSWORD, CLIENT).id()).as("other addresses").isEqualTo(this.alice.id());
	}

}
