package dev.latchkey.password;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HashingPoolTests {

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

	@Test
	void matchesWhenPoolAndQueueFullThenBusyAtOnce() throws Exception {
		BlockingHasher hasher = new BlockingHasher();
		try (HashingPool pool = new HashingPool(hasher, 1, 1, Duration.ofSeconds(10))) {
			CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> pool.matches("a", "hash:a"));
			CompletableFuture<Boolean> queued = CompletableFuture.supplyAsync(() -> pool.matches("b", "hash:b"));
			while (pool.queueDepth() < 1) {
				Thread.onSpinWait();
			}
			long start = System.nanoTime();
			assertThatExceptionOfType(HashingBusyException.class).isThrownBy(() -> pool.encode("c"));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

			hasher.release.countDown();
			assertThat(running.get(5, TimeUnit.SECONDS)).isTrue();
			assertThat(queued.get(5, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void encodeWhenWaitRunsOutThenBusy() {
		BlockingHasher hasher = new BlockingHasher();
		try (HashingPool pool = new HashingPool(hasher, 1, 4, Duration.ofMillis(50))) {
			assertThatExceptionOfType(HashingBusyException.class).isThrownBy(() -> pool.encode("slow"));
			hasher.release.countDown();
		}
	}

	@Test
	void matchesWhenIdleThenDelegates() {
		DjangoPasswordEncoder encoder = new DjangoPasswordEncoder(new Argon2Parameters(1024, 1, 1));
		try (HashingPool pool = new HashingPool(encoder, 2, 2, Duration.ofSeconds(5))) {
			String hash = pool.encode("Str0ng-Passw0rd!");
			assertThat(pool.matches("Str0ng-Passw0rd!", hash)).isTrue();
			assertThat(pool.matches("wrong", hash)).isFalse();
			assertThat(pool.upgradeEncoding(hash)).isFalse();
		}
	}

}
