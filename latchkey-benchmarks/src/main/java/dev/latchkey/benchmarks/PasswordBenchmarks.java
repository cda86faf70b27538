package dev.latchkey.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

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

import dev.latchkey.password.Argon2Parameters;
import dev.latchkey.password.DjangoPasswordEncoder;

/**
 * Password hashing, ms per hash on one thread: Latchkey's Argon2id at its defaults
 * (m=19456 KiB, t=2, p=1) for a new hash (sign-up) and a check (login), and PBKDF2-HMAC-SHA256 at
 * Django 5.2's 1,000,000 iterations, both raw on the JDK and through Latchkey's Django hasher
 * (a user imported from Django logging in for the first time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PasswordBenchmarks {

	static final String PASSWORD = "Str0ng-Passw0rd!";

	/** Django 5.2's {@code PBKDF2PasswordHasher.iterations}. */
	static final int DJANGO_52_PBKDF2_ITERATIONS = 1_000_000;

	DjangoPasswordEncoder encoder;

	String argon2Hash;

	String pbkdf2Hash;

	byte[] salt;

	@Setup
	public void setUp() throws Exception {
		this.encoder = new DjangoPasswordEncoder(Argon2Parameters.defaults());
		this.argon2Hash = this.encoder.encode(PASSWORD);
		String saltText = "benchmarksalt0123456789";
		this.salt = saltText.getBytes(StandardCharsets.UTF_8);
		this.pbkdf2Hash = "pbkdf2_sha256$" + DJANGO_52_PBKDF2_ITERATIONS + "$" + saltText + "$"
				+ Base64.getEncoder().encodeToString(pbkdf2Sha256Django52());
		if (!this.encoder.matches(PASSWORD, this.argon2Hash) || !this.encoder.matches(PASSWORD, this.pbkdf2Hash)) {
			throw new IllegalStateException("fixture hashes do not verify");
		}
	}

	/** Sign-up and re-hash: {@code DjangoPasswordEncoder.encode}, a fresh salt and one Argon2id. */
	@Benchmark
	public String argon2idEncodeLatchkey() {
		return this.encoder.encode(PASSWORD);
	}

	/** Login: {@code DjangoPasswordEncoder.matches} against a stored Argon2id hash. */
	@Benchmark
	public boolean argon2idMatchesLatchkey() {
		return this.encoder.matches(PASSWORD, this.argon2Hash);
	}

	/** PBKDF2-HMAC-SHA256, 1,000,000 iterations, 256-bit key, straight on the JDK's SecretKeyFactory. */
	@Benchmark
	public byte[] pbkdf2Sha256Django52() throws Exception {
		PBEKeySpec spec = new PBEKeySpec(PASSWORD.toCharArray(), this.salt, DJANGO_52_PBKDF2_ITERATIONS, 256);
		return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
	}

	/** The same through Latchkey: {@code matches} on a Django {@code pbkdf2_sha256$1000000$...} hash. */
	@Benchmark
	public boolean pbkdf2Sha256MatchesLatchkey() {
		return this.encoder.matches(PASSWORD, this.pbkdf2Hash);
	}

}
