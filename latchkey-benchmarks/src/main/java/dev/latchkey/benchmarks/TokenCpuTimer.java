package dev.latchkey.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A cross-check of {@link TokenBenchmarks} for busy machines: the same operations, timed in CPU
 * time of the measuring thread (ns per call), which other processes taking the cores do not
 * inflate, unlike JMH's wall-clock scores. Operations run round-robin in short batches, so all of
 * them see the same machine. JMH stays the reference (dead-code elimination, forks, warm-up);
 * this only shows whether a ratio survives the noise.
 *
 * <pre>java -cp ... dev.latchkey.benchmarks.TokenCpuTimer [rounds] [batch-ms]</pre>
 */
public final class TokenCpuTimer {

	private static int sink;

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
		long batchNanos = (args.length > 1 ? Long.parseLong(args[1]) : 200) * 1_000_000L;
		TokenBenchmarks b = new TokenBenchmarks();
		b.setUp();
		Map<String, Callable<Object>> ops = new LinkedHashMap<>();
		ops.put("verifyBaselineHmacOnly", b::verifyBaselineHmacOnly);
		ops.put("verifyLatchkey", b::verifyLatchkey);
		ops.put("verifyNimbus", b::verifyNimbus);
		ops.put("verifyJjwt", b::verifyJjwt);
		ops.put("verifyAuth0", b::verifyAuth0);
		ops.put("requestAuthenticateAccess", b::requestAuthenticateAccess);
		ops.put("requestAuthenticateAccessAndUser", b::requestAuthenticateAccessAndUser);
		ops.put("issuePairLatchkey", b::issuePairLatchkey);
		ops.put("issuePairNimbus", b::issuePairNimbus);
		ops.put("issuePairJjwt", b::issuePairJjwt);
		ops.put("issuePairAuth0", b::issuePairAuth0);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		// warm-up: every operation for 3 batches
		for (int i = 0; i < 3; i++) {
			for (Callable<Object> op : ops.values()) {
				batch(op, batchNanos, threads);
			}
		}
		Map<String, double[]> results = new LinkedHashMap<>();
		ops.keySet().forEach((name) -> results.put(name, new double[rounds]));
		for (int r = 0; r < rounds; r++) {
			for (Map.Entry<String, Callable<Object>> op : ops.entrySet()) {
				results.get(op.getKey())[r] = batch(op.getValue(), batchNanos, threads);
			}
		}
		double base = median(results.get("verifyLatchkey"));
		System.out.println("| operation | CPU ns/call, median | min | / verifyLatchkey |");
		System.out.println("|---|---:|---:|---:|");
		for (Map.Entry<String, double[]> e : results.entrySet()) {
			double m = median(e.getValue());
			System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.2f |%n", e.getKey(), m,
					Arrays.stream(e.getValue()).min().orElse(0), m / base);
		}
		if (sink == 42) {
			System.out.println();
		}
	}

	/** CPU ns per call over a batch of about {@code nanos} of CPU time. */
	private static double batch(Callable<Object> op, long nanos, ThreadMXBean threads) throws Exception {
		long start = threads.getCurrentThreadCpuTime();
		long calls = 0;
		long elapsed;
		do {
			for (int i = 0; i < 64; i++) {
				sink ^= System.identityHashCode(op.call());
			}
			calls += 64;
			elapsed = threads.getCurrentThreadCpuTime() - start;
		}
		while (elapsed < nanos);
		return (double) elapsed / calls;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
