package dev.latchkey.password;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HashingPoolTests {

	private static final Argon2Parameters CHEAP = new Argon2Parameters(1024, 1, 1);

	/** A hasher whose every hash blocks until released. */
	static final class BlockingHasher implements PasswordHasher {

		final CountDownLatch release = new CountDownLatch(1);

		@Override
		public String encode(CharSequence raw) {
			await();
			return "hash:" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			await();
			return encoded.equals("hash:" + raw);
		}

		@Override
		public boolean upgradeEncoding(String encoded) {
			return false;
		}

		@Override
		public void hashDummy(CharSequence raw) {
			await();
		}

		private void await() {
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** Records what the pool reports. */
	static final class RecordingListener implements HashingPool.Listener {

		final List<Duration> hashed = new CopyOnWriteArrayList<>();

		final List<Duration> waited = new CopyOnWriteArrayList<>();

		final List<Duration> refused = new CopyOnWriteArrayList<>();

		@Override
		public void hashed(Duration elapsed) {
			this.hashed.add(elapsed);
		}

		@Override
		public void waited(Duration waited) {
			this.waited.add(waited);
		}

		@Override
		public void refused(Duration predictedWait) {
			this.refused.add(predictedWait);
		}

	}

	@Test
	void encodeWhenPredictedStartBeyondBudgetThenRefusedAtOnceWithRetryAfter() throws Exception {
		BlockingHasher hasher = new BlockingHasher();
		RecordingListener listener = new RecordingListener();
		try (HashingPool pool = new HashingPool(hasher, new HashingPool.Settings(1, Duration.ZERO, 0, CHEAP), listener)) {
			CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> pool.matches("a", "hash:a"));
			while (pool.queueDepth() < 1) {
				Thread.onSpinWait();
			}
			long start = System.nanoTime();
			assertThatExceptionOfType(HashingBusyException.class).isThrownBy(() -> pool.encode("c"))
				.satisfies((ex) -> assertThat(ex.retryAfterSeconds()).isEqualTo(1));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(listener.refused).hasSize(1);

			hasher.release.countDown();
			assertThat(running.get(5, TimeUnit.SECONDS)).isTrue();
			assertThat(listener.hashed).hasSize(1);
			assertThat(listener.waited).hasSize(1);
		}
	}

	@Test
	void encodeWhenAdmittedThenRunsToItsEndHoweverLongItTakes() throws Exception {
		BlockingHasher hasher = new BlockingHasher();
		try (HashingPool pool = new HashingPool(hasher, new HashingPool.Settings(1, Duration.ofMillis(1), 0, CHEAP),
				new HashingPool.Listener() {
				})) {
			CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> pool.encode("slow"));
			Thread.sleep(300);
			assertThat(slow).isNotDone();

			hasher.release.countDown();
			assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("hash:slow");
		}
	}

	@Test
	void matchesWhenIdleThenDelegates() {
		DjangoPasswordEncoder encoder = new DjangoPasswordEncoder(CHEAP);
		try (HashingPool pool = pool(encoder)) {
			String hash = pool.encode("Str0ng-Passw0rd!");
			assertThat(pool.matches("Str0ng-Passw0rd!", hash)).isTrue();
			assertThat(pool.matches("wrong", hash)).isFalse();
			assertThat(pool.upgradeEncoding(hash)).isFalse();
		}
	}

	@Test
	void encodeWhenHashingThreadsReuseArgon2BlocksThenEveryHashIsStillRight() {
		// Blocks kept from one hash to the next must not change the next hash.
		DjangoPasswordEncoder encoder = new DjangoPasswordEncoder(CHEAP);
		try (HashingPool pool = pool(encoder)) {
			for (int i = 0; i < 6; i++) {
				String password = "Str0ng-Passw0rd!" + i;
				String onPool = pool.encode(password);
				assertThat(encoder.matches(password, onPool)).isTrue();
				assertThat(pool.matches(password, encoder.encode(password))).isTrue();
				assertThat(pool.matches(password + "x", onPool)).isFalse();
			}
		}
	}

	@Test
	void verifyWhenLegacyHashMatchesThenUpgradedInOneAdmission() {
		DjangoPasswordEncoder encoder = new DjangoPasswordEncoder(CHEAP);
		RecordingListener listener = new RecordingListener();
		try (HashingPool pool = new HashingPool(encoder, new HashingPool.Settings(1, Duration.ofSeconds(2), 0, CHEAP),
				listener)) {
			// Computed with Python's hashlib.pbkdf2_hmac (Pbkdf2HasherTests).
			String legacy = "pbkdf2_sha256$1000$NaCl$Imh763JHpNtotacn8DcAwY+kYUnmnd4ansM++FZKFSs=";
			String password = "s3cret";

			Verification verification = pool.verify(password, legacy);

			assertThat(verification.matched()).isTrue();
			assertThat(verification.upgradedHash()).startsWith("argon2$argon2id$v=19$m=1024,t=1,p=1$");
			assertThat(encoder.matches(password, verification.upgradedHash())).isTrue();
			assertThat(listener.hashed).hasSize(1);
			assertThat(pool.verify("wrong", legacy)).isEqualTo(Verification.FAILED);
			assertThat(pool.verify(password, verification.upgradedHash())).isEqualTo(Verification.MATCHED);
		}
	}

	@Test
	void warmUpThenEveryRoundRunsOnThePoolAndHashingStillWorks() throws Exception {
		DjangoPasswordEncoder encoder = new DjangoPasswordEncoder(CHEAP);
		RecordingListener listener = new RecordingListener();
		try (HashingPool pool = new HashingPool(encoder, new HashingPool.Settings(2, Duration.ofSeconds(2), 0, CHEAP),
				listener)) {
			pool.warmUp(2).get(30, TimeUnit.SECONDS);

			assertThat(pool.queueDepth()).isZero();
			assertThat(listener.hashed).isEmpty();
			assertThat(encoder.matches("Str0ng-Passw0rd!", pool.encode("Str0ng-Passw0rd!"))).isTrue();
		}
	}

	@Test
	void settingsWhenOutOfRangeThenRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new HashingPool.Settings(0, Duration.ofSeconds(2), 0, CHEAP));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new HashingPool.Settings(1, Duration.ofSeconds(-1), 0, CHEAP));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new HashingPool.Settings(1, Duration.ofSeconds(2), 20, CHEAP));
	}

	private static HashingPool pool(PasswordHasher hasher) {
		return new HashingPool(hasher, new HashingPool.Settings(2, Duration.ofSeconds(2), 0, CHEAP),
				new HashingPool.Listener() {
				});
	}

}
