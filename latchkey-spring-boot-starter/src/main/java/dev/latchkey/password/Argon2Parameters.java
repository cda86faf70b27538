package dev.latchkey.password;

/**
 * Argon2 cost parameters for newly hashed passwords, in the units of Django's
 * {@code Argon2PasswordHasher} ({@code memory_cost} in KiB, {@code time_cost},
 * {@code parallelism}).
 *
 * @param memoryKib   memory cost in KiB; at least {@code 8 * parallelism}, as Argon2 requires
 * @param iterations  time cost (passes over memory)
 * @param parallelism lanes
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {

	/** Largest accepted memory cost (1 GiB), so a corrupted stored hash cannot exhaust the heap. */
	public static final int MAX_MEMORY_KIB = 1 << 20;

	/** Largest parallelism Argon2 allows (2^24 - 1 lanes). */
	public static final int MAX_PARALLELISM = (1 << 24) - 1;

	public Argon2Parameters {
		if (memoryKib <= 0 || iterations <= 0 || parallelism <= 0) {
			throw new IllegalArgumentException("Argon2 parameters must be positive: m=" + memoryKib
					+ ", t=" + iterations + ", p=" + parallelism);
		}
		if (parallelism > MAX_PARALLELISM) {
			throw new IllegalArgumentException("Argon2 parallelism must be at most " + MAX_PARALLELISM);
		}
		if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
			throw new IllegalArgumentException("Argon2 memory must be between 8 * parallelism and "
					+ MAX_MEMORY_KIB + " KiB: m=" + memoryKib + ", p=" + parallelism);
		}
	}

	/**
	 * OWASP's minimum recommendation for Argon2id (19 MiB, 2 passes, 1 lane): much cheaper per
	 * login than Django's own default (100 MiB, 2 passes, 8 lanes) while still memory-hard.
	 */
	public static Argon2Parameters defaults() {
		return new Argon2Parameters(19_456, 2, 1);
	}
}
