package dev.latchkey.user;

import java.util.concurrent.atomic.AtomicInteger;

import dev.latchkey.password.Argon2Parameters;
import dev.latchkey.password.DjangoPasswordEncoder;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.password.Verification;

/**
 * The real {@link DjangoPasswordEncoder} (at a tiny Argon2 cost), counting the hashes it computes
 * and running a test's own step just before each one: so a test can tell whether something
 * happened before hashing, and make something happen during it. Not a mock: every answer is the
 * encoder's.
 */
final class WatchedHasher implements PasswordHasher {

	private final DjangoPasswordEncoder encoder = new DjangoPasswordEncoder(new Argon2Parameters(64, 1, 1));

	private final AtomicInteger hashes = new AtomicInteger();

	private volatile Runnable beforeHash = () -> {
	};

	/** Hashes computed so far: encodes, checks and dummy hashes. */
	int hashes() {
		return this.hashes.get();
	}

	/** Run {@code step} just before each hash from now on (it may throw, as a busy pool does). */
	void beforeEachHash(Runnable step) {
		this.beforeHash = step;
	}

	private void hash() {
		Runnable step = this.beforeHash;
		step.run();
		this.hashes.incrementAndGet();
	}

	@Override
	public String encode(CharSequence raw) {
		hash();
		return this.encoder.encode(raw);
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		hash();
		return this.encoder.matches(raw, encoded);
	}

	@Override
	public Verification verify(CharSequence raw, String encoded) {
		hash();
		return this.encoder.verify(raw, encoded);
	}

	@Override
	public boolean upgradeEncoding(String encoded) {
		return this.encoder.upgradeEncoding(encoded);
	}

	@Override
	public void hashDummy(CharSequence raw) {
		hash();
		this.encoder.hashDummy(raw);
	}

}
