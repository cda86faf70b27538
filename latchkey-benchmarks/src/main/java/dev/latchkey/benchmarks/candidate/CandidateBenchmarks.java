package dev.latchkey.benchmarks.candidate;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.*;

import dev.latchkey.benchmarks.LatchkeyStack;

/**
 * Today's header parsing against the candidate of BENCHMARKS.md section 6 (item 3), in one run:
 * {@code jmh.sh Candidate -prof gc}. (Item 2, a codec that checked HMAC signatures itself, was
 * rejected: Nimbus stays the only code that checks a signature.) Once the starter has item 3, this
 * class has served its purpose.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CandidateBenchmarks {

	static final Pattern WHITESPACE = Pattern.compile("\\s+");

	String header;

	@Setup
	public void setUp() {
		this.header = "Bearer " + new LatchkeyStack().pair.access();
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
