package dev.latchkey.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

import dev.latchkey.token.TokenIssuer;
import dev.latchkey.token.TokenType;
import dev.latchkey.token.VerifiedToken;
import dev.latchkey.user.User;

/**
 * Issue and verify, Latchkey against Nimbus JOSE+JWT, jjwt and auth0 java-jwt doing the same
 * work, plus the two in-memory lookups Latchkey adds on the request path. All numbers are
 * average ns per call on one thread; compare them only within one run (see BENCHMARKS.md).
 *
 * <p>Every verify benchmark checks the same bytes: an access token minted by Latchkey's
 * {@code SessionStarter.start}, which all three libraries accept (checked in
 * {@link #setUp()} and by {@code BenchmarkFixturesTest}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenBenchmarks {

	LatchkeyStack latchkey;

	OtherLibraries.Nimbus nimbus;

	OtherLibraries.Jjwt jjwt;

	OtherLibraries.Auth0 auth0;

	/** The access token every verify benchmark checks. */
	String access;

	String sessionId;

	long userId;

	/** The session's absolute end, as {@code SessionStarter.start} passes it (30 days away). */
	Instant sessionEnd;

	/** The floor: one HMAC-SHA256 over the signing input of {@link #access}, nothing else. */
	Mac hmac;

	byte[] signingInput;

	@Setup
	public void setUp() throws Exception {
		this.latchkey = new LatchkeyStack();
		this.nimbus = new OtherLibraries.Nimbus(LatchkeyStack.SECRET);
		this.jjwt = new OtherLibraries.Jjwt(LatchkeyStack.SECRET);
		this.auth0 = new OtherLibraries.Auth0(LatchkeyStack.SECRET);
		this.access = this.latchkey.pair.access();
		VerifiedToken verified = this.latchkey.verifier.verify(this.access, TokenType.ACCESS);
		this.sessionId = verified.sessionId();
		this.userId = verified.userId();
		this.sessionEnd = Instant.now().plus(Duration.ofDays(30));
		for (OtherLibraries.AccessVerifier library : new OtherLibraries.AccessVerifier[] { this.nimbus, this.jjwt,
				this.auth0 }) {
			OtherLibraries.Verified other = library.verifyAccess(this.access);
			if (!other.tokenId().equals(verified.tokenId()) || other.userId() != this.userId
					|| !this.sessionId.equals(other.sessionId())) {
				throw new IllegalStateException(library.getClass().getSimpleName() + " read another token");
			}
		}
		this.hmac = Mac.getInstance("HmacSHA256");
		this.hmac.init(new SecretKeySpec(LatchkeyStack.SECRET, "HmacSHA256"));
		this.signingInput = this.access.substring(0, this.access.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
	}

	// ---- issue an access/refresh pair --------------------------------------------------------

	@Benchmark
	public TokenIssuer.IssuedPair issuePairLatchkey() {
		return this.latchkey.issuer.issuePair(this.userId, this.sessionId, this.sessionEnd);
	}

	@Benchmark
	public String[] issuePairNimbus() {
		return this.nimbus.issuePair(this.userId, this.sessionId);
	}

	@Benchmark
	public String[] issuePairJjwt() {
		return this.jjwt.issuePair(this.userId, this.sessionId);
	}

	@Benchmark
	public String[] issuePairAuth0() {
		return this.auth0.issuePair(this.userId, this.sessionId);
	}

	// ---- verify an access token with every claim check ---------------------------------------

	@Benchmark
	public byte[] verifyBaselineHmacOnly() {
		return this.hmac.doFinal(this.signingInput);
	}

	@Benchmark
	public VerifiedToken verifyLatchkey() {
		return this.latchkey.verifier.verify(this.access, TokenType.ACCESS);
	}

	@Benchmark
	public OtherLibraries.Verified verifyNimbus() {
		return this.nimbus.verifyAccess(this.access);
	}

	@Benchmark
	public OtherLibraries.Verified verifyJjwt() {
		return this.jjwt.verifyAccess(this.access);
	}

	@Benchmark
	public OtherLibraries.Verified verifyAuth0() {
		return this.auth0.verifyAccess(this.access);
	}

	// ---- what the request filter adds on top of verify --------------------------------------

	/** {@code AccessTokenAuthenticator.authenticate}: verify plus the in-memory revocation lookup. */
	@Benchmark
	public VerifiedToken requestAuthenticateAccess() {
		return this.latchkey.authenticator.authenticate(this.access);
	}

	/** The filter's whole token work: authenticate, then the user from the cache (a hit). */
	@Benchmark
	public User requestAuthenticateAccessAndUser() {
		VerifiedToken token = this.latchkey.authenticator.authenticate(this.access);
		return this.latchkey.users.findById(token.userId()).orElseThrow();
	}

	/** {@code RevokedSessions.isRevoked} alone (1,000 revoked sessions in the map). */
	@Benchmark
	public boolean requestRevocationLookupOnly() {
		return this.latchkey.revokedSessions.isRevoked(this.sessionId);
	}

	/** {@code CachingUserRepository.findById} alone, a cache hit. */
	@Benchmark
	public User requestUserCacheHitOnly() {
		return this.latchkey.users.findById(this.userId).orElseThrow();
	}

}
