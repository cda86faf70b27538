package dev.latchkey.benchmarks.candidate;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openjdk.jmh.annotations.*;

/**
 * Section 6, item 4 of BENCHMARKS.md, in one run ({@code jmh.sh CandidateArgon2 -prof gc}): Argon2id m=19456,t=2,p=1 as Argon2Hasher.derive does it
 * today (a fresh 19 MiB of blocks per hash) vs with a per-thread Bouncy Castle FixedBlockPool
 * (Argon2Parameters.Builder.withBlockPool), which keeps the blocks for the next hash on that thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xmx128m", "-XX:+UseSerialGC" })
public class CandidateArgon2Benchmarks {

	static final byte[] PASSWORD = "Str0ng-Passw0rd!".getBytes(StandardCharsets.UTF_8);
	static final byte[] SALT = "abcdefghijklmnopqrstuv".getBytes(StandardCharsets.US_ASCII);
	static final int MEMORY_KIB = 19_456;

	Argon2BytesGenerator.BlockPool pool;

	@Setup
	public void setUp() {
		this.pool = new Argon2BytesGenerator.FixedBlockPool(Argon2BytesGenerator.getBlockCount(MEMORY_KIB, 1));
		byte[] fresh = derive(null);
		if (!java.util.Arrays.equals(fresh, derive(this.pool)) || !java.util.Arrays.equals(fresh, derive(this.pool))) {
			throw new IllegalStateException("pooled blocks give another hash");
		}
	}

	private static byte[] derive(Argon2BytesGenerator.BlockPool pool) {
		Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withMemoryAsKB(MEMORY_KIB)
			.withIterations(2)
			.withParallelism(1)
			.withSalt(SALT);
		if (pool != null) {
			builder.withBlockPool(pool);
		}
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(builder.build());
		byte[] out = new byte[32];
		generator.generateBytes(PASSWORD, out);
		return out;
	}

	@Benchmark
	public byte[] argon2idFreshBlocks() {
		return derive(null);
	}

	@Benchmark
	public byte[] argon2idPooledBlocks() {
		return derive(this.pool);
	}

}
