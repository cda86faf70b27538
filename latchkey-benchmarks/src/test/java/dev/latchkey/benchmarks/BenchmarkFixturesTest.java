package dev.latchkey.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.latchkey.token.TokenType;
import dev.latchkey.token.VerifiedToken;

/**
 * The benchmarks must measure what they claim: each library accepts the same Latchkey token and
 * reads the same claims, each issues tokens Latchkey accepts, and every benchmark method runs.
 * Correctness only; no timing is asserted anywhere.
 */
class BenchmarkFixturesTest {

	@Test
	void everyTokenBenchmarkRunsAndReadsTheSameToken() throws Exception {
		TokenBenchmarks benchmarks = new TokenBenchmarks();
		benchmarks.setUp();
		VerifiedToken latchkey = benchmarks.verifyLatchkey();
		for (OtherLibraries.Verified other : new OtherLibraries.Verified[] { benchmarks.verifyNimbus(),
				benchmarks.verifyJjwt(), benchmarks.verifyAuth0() }) {
			assertThat(other).isEqualTo(
					new OtherLibraries.Verified(latchkey.tokenId(), latchkey.userId(), latchkey.sessionId()));
		}
		assertThat(benchmarks.requestAuthenticateAccess().tokenId()).isEqualTo(latchkey.tokenId());
		assertThat(benchmarks.requestAuthenticateAccessAndUser().id()).isEqualTo(latchkey.userId());
		assertThat(benchmarks.requestRevocationLookupOnly()).isFalse();
		assertThat(benchmarks.requestUserCacheHitOnly().username()).isEqualTo("alice");
		assertThat(benchmarks.verifyBaselineHmacOnly()).hasSize(32);
	}

	@Test
	void everyIssuedPairIsAcceptedByLatchkey() throws Exception {
		TokenBenchmarks benchmarks = new TokenBenchmarks();
		benchmarks.setUp();
		LatchkeyStack stack = benchmarks.latchkey;
		String[][] pairs = { benchmarks.issuePairNimbus(), benchmarks.issuePairJjwt(), benchmarks.issuePairAuth0(),
				{ benchmarks.issuePairLatchkey().pair().access(), benchmarks.issuePairLatchkey().pair().refresh() } };
		for (String[] pair : pairs) {
			VerifiedToken access = stack.verifier.verify(pair[0], TokenType.ACCESS);
			VerifiedToken refresh = stack.verifier.verify(pair[1], TokenType.REFRESH);
			assertThat(access.userId()).isEqualTo(benchmarks.userId);
			assertThat(access.sessionId()).isEqualTo(benchmarks.sessionId);
			assertThat(refresh.expiresAt()).isAfter(access.expiresAt());
			assertThat(access.tokenId()).isNotEqualTo(refresh.tokenId()).hasSize(32);
		}
	}

	@Test
	void aRevokedSessionIsRefusedOnTheRequestPath() throws Exception {
		TokenBenchmarks benchmarks = new TokenBenchmarks();
		benchmarks.setUp();
		benchmarks.latchkey.revokedSessions.markRevoked(benchmarks.sessionId);
		assertThat(benchmarks.requestRevocationLookupOnly()).isTrue();
		org.assertj.core.api.Assertions.assertThatThrownBy(benchmarks::requestAuthenticateAccess)
			.isInstanceOf(dev.latchkey.token.InvalidTokenException.class);
	}

	@Test
	void passwordFixturesVerify() throws Exception {
		PasswordBenchmarks benchmarks = new PasswordBenchmarks();
		benchmarks.setUp(); // throws unless both stored hashes verify
		assertThat(benchmarks.argon2idMatchesLatchkey()).isTrue();
		assertThat(benchmarks.argon2idEncodeLatchkey()).startsWith("argon2$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void theCandidatesComputeWhatTodaysCodeComputes() {
		// The Argon2 set-up throws if pooled blocks give another hash.
		dev.latchkey.benchmarks.candidate.CandidateBenchmarks tokens = new dev.latchkey.benchmarks.candidate.CandidateBenchmarks();
		tokens.setUp();
		assertThat(tokens.headerSplitManual()).containsExactly(tokens.headerSplitCurrent());
		dev.latchkey.benchmarks.candidate.CandidateArgon2Benchmarks argon2 = new dev.latchkey.benchmarks.candidate.CandidateArgon2Benchmarks();
		argon2.setUp();
		assertThat(argon2.argon2idPooledBlocks()).isEqualTo(argon2.argon2idFreshBlocks());
	}

}
