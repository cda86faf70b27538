package dev.latchkey.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.latchkey.token.AccessTokenAuthenticator;
import dev.latchkey.token.TokenVerifier;
import dev.latchkey.token.VerifiedToken;
import dev.latchkey.token.VerifiedTokenCache;

/**
 * The request path's token work ({@link AccessTokenAuthenticator#authenticate}: signature and claims, then the
 * revoked-session lookup) for the same access token presented again, without and with the
 * {@link VerifiedTokenCache} (issue 18). {@code latchkey-benchmarks/scripts/jmh.sh VerifiedTokenCacheBenchmarks}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VerifiedTokenCacheBenchmarks {

	private LatchkeyStack stack;

	private AccessTokenAuthenticator cached;

	private String access;

	@Setup
	public void setUp() {
		this.stack = new LatchkeyStack();
		TokenVerifier verifier = new TokenVerifier(VerifiedTokenCache.wrap(this.stack.codec, 4096, Duration.ofMinutes(5),
				this.stack.clock), this.stack.settings, this.stack.clock);
		this.cached = new AccessTokenAuthenticator(verifier, this.stack.revokedSessions, false);
		this.access = this.stack.pair.access();
	}

	@Benchmark
	public VerifiedToken authenticateAccessNimbusEveryTime() {
		return this.stack.authenticator.authenticate(this.access);
	}

	@Benchmark
	public VerifiedToken authenticateAccessCached() {
		return this.cached.authenticate(this.access);
	}

}
