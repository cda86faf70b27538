package dev.latchkey.benchmarks.candidate;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.*;

import dev.latchkey.benchmarks.LatchkeyStack;
import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.token.TokenSettings;
import dev.latchkey.token.TokenType;
import dev.latchkey.token.TokenVerifier;
import dev.latchkey.token.VerifiedToken;

/**
 * Today's code against the candidates of BENCHMARKS.md section 6 (items 2 and 3), in one run:
 * {@code jmh.sh Candidate -prof gc}. Once the starter has them, this class has served its purpose.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CandidateBenchmarks {

	static final Pattern WHITESPACE = Pattern.compile("\\s+");

	LatchkeyStack stack;
	TokenVerifier gson;
	TokenVerifier jackson;
	String access;
	String header;

	@Setup
	public void setUp() {
		this.stack = new LatchkeyStack();
		this.access = this.stack.pair.access();
		this.header = "Bearer " + this.access;
		this.gson = new TokenVerifier(new CandidateTokenCodec(LatchkeyStack.SECRET, CandidateTokenCodec.Json.NIMBUS_GSON),
				TokenSettings.defaults(), Clock.systemUTC());
		this.jackson = new TokenVerifier(new CandidateTokenCodec(LatchkeyStack.SECRET, CandidateTokenCodec.Json.JACKSON3),
				TokenSettings.defaults(), Clock.systemUTC());
		VerifiedToken a = this.stack.verifier.verify(this.access, TokenType.ACCESS);
		VerifiedToken b = this.gson.verify(this.access, TokenType.ACCESS);
		VerifiedToken c = this.jackson.verify(this.access, TokenType.ACCESS);
		if (!a.equals(b) || !a.tokenId().equals(c.tokenId()) || a.userId() != c.userId()
				|| !a.expiresAt().equals(c.expiresAt()) || !a.issuedAt().equals(c.issuedAt())
				|| !a.sessionId().equals(c.sessionId())) {
			throw new IllegalStateException("candidate differs: " + a + " / " + b + " / " + c);
		}
		char last = this.access.charAt(this.access.length() - 1);
		String forged = this.access.substring(0, this.access.length() - 1) + (last == 'A' ? 'B' : 'A');
		for (TokenVerifier v : new TokenVerifier[] { this.gson, this.jackson }) {
			try {
				v.verify(forged, TokenType.ACCESS);
				throw new IllegalStateException("forged token accepted");
			}
			catch (InvalidTokenException expected) {
			}
		}
	}

	@Benchmark
	public VerifiedToken verifyCurrent() {
		return this.stack.verifier.verify(this.access, TokenType.ACCESS);
	}

	@Benchmark
	public VerifiedToken verifyCandidateFastPathGson() {
		return this.gson.verify(this.access, TokenType.ACCESS);
	}

	@Benchmark
	public VerifiedToken verifyCandidateFastPathJackson3() {
		return this.jackson.verify(this.access, TokenType.ACCESS);
	}

	/** AccessTokenResolver today: {@code header.strip().split("\\s+")} compiles the regex per request. */
	@Benchmark
	public String[] headerSplitCurrent() {
		return this.header.strip().split("\\s+");
	}

	/**
	 * Without a regex: strip, one scan for the first whitespace run, and a check that the rest has none
	 * (Python's {@code header.split()} semantics for the two-part case; anything else is the error path).
	 */
	@Benchmark
	public String[] headerSplitManual() {
		String h = this.header.strip();
		int i = 0;
		while (i < h.length() && !Character.isWhitespace(h.charAt(i))) {
			i++;
		}
		int j = i;
		while (j < h.length() && Character.isWhitespace(h.charAt(j))) {
			j++;
		}
		for (int k = j; k < h.length(); k++) {
			if (Character.isWhitespace(h.charAt(k))) {
				return WHITESPACE.split(h); // three or more parts: the rare error path
			}
		}
		return (j == h.length()) ? new String[] { h.substring(0, i) } : new String[] { h.substring(0, i), h.substring(j) };
	}

	/** The same with the Pattern compiled once. */
	@Benchmark
	public String[] headerSplitPrecompiled() {
		return WHITESPACE.split(this.header.strip());
	}

}
