package dev.latchkey.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import dev.latchkey.password.Argon2Parameters;
import dev.latchkey.password.DjangoPasswordEncoder;

/**
 * Times single hashes on one thread in both CPU time and wall time, for scripts/hash-native.sh. CPU
 * time is what the {@code argon2} CLI reports (it times the hash with {@code clock()}), and unlike
 * wall time it is not inflated when other processes take the cores, so Latchkey/native stays
 * meaningful on a busy machine.
 *
 * <pre>java -cp ... dev.latchkey.benchmarks.HashTimer argon2id|pbkdf2 [warm-up] [measured]</pre>
 * prints {@code <case> cpu_ms_median=... wall_ms_median=... cpu_ms_min=... runs=...}.
 */
public final class HashTimer {

	public static void main(String[] args) throws Exception {
		String which = args.length > 0 ? args[0] : "argon2id";
		int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		Callable<Object> hash = switch (which) {
			case "argon2id" -> {
				DjangoPasswordEncoder encoder = new DjangoPasswordEncoder(Argon2Parameters.defaults());
				yield () -> encoder.encode(PasswordBenchmarks.PASSWORD);
			}
			case "pbkdf2" -> () -> SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
				.generateSecret(new PBEKeySpec(PasswordBenchmarks.PASSWORD.toCharArray(),
						"benchmarksalt0123456789".getBytes(), PasswordBenchmarks.DJANGO_52_PBKDF2_ITERATIONS, 256))
				.getEncoded();
			default -> throw new IllegalArgumentException("argon2id or pbkdf2, not " + which);
		};
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < warmup; i++) {
			hash.call();
		}
		double[] cpu = new double[runs];
		double[] wall = new double[runs];
		Object sink = null;
		for (int i = 0; i < runs; i++) {
			long c0 = threads.getCurrentThreadCpuTime();
			long w0 = System.nanoTime();
			sink = hash.call();
			wall[i] = (System.nanoTime() - w0) / 1e6;
			cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
		}
		if (sink == null) {
			throw new IllegalStateException();
		}
		Arrays.sort(cpu);
		Arrays.sort(wall);
		System.out.printf(Locale.ROOT, "%s cpu_ms_median=%.2f wall_ms_median=%.2f cpu_ms_min=%.2f wall_ms_min=%.2f runs=%d%n",
				which, median(cpu), median(wall), cpu[0], wall[0], runs);
	}

	private static double median(double[] sorted) {
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
