package dev.latchkey.password;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The admission rule, on a fake clock (standing for both elapsed and CPU time): predicted start =
 * backlog ÷ threads, against the budget.
 */
class HashAdmissionTests {

	private final AtomicLong nanos = new AtomicLong(1_000);

	private final HashAdmission admission = new HashAdmission(2, Duration.ofSeconds(2), Duration.ofMillis(100),
			this.nanos::get, this.nanos::get);

	@Test
	void admitWhenAThreadIsFreeThenAdmittedWhateverTheEstimate() {
		measure("pbkdf2_sha256$2000000", Duration.ofSeconds(30));

		assertThat(this.admission.predictedWait()).isZero();
		this.admission.admit("pbkdf2_sha256$2000000");
		assertThat(this.admission.predictedWait()).isZero();
		this.admission.admit("pbkdf2_sha256$2000000");
		assertThat(this.admission.admitted()).isEqualTo(2);
	}

	@Test
	void admitWhenPredictedStartWithinBudgetThenAdmittedAndBeyondThenRefusedAtOnce() {
		measure(HashAdmission.CURRENT, Duration.ofMillis(100));
		// 2 threads, 100 ms a hash: with k hashes admitted the next is predicted to start after k × 50 ms.
		for (int k = 0; k < 40; k++) {
			this.admission.admit(HashAdmission.CURRENT);
		}
		assertThat(this.admission.predictedWait()).isEqualTo(Duration.ofSeconds(2));
		this.admission.admit(HashAdmission.CURRENT);

		assertThat(this.admission.predictedWait()).isEqualTo(Duration.ofMillis(2050));
		assertThatExceptionOfType(HashingBusyException.class)
			.isThrownBy(() -> this.admission.admit(HashAdmission.CURRENT))
			.satisfies((ex) -> {
				assertThat(ex.predictedWait()).isEqualTo(Duration.ofMillis(2050));
				assertThat(ex.retryAfterSeconds()).isEqualTo(3);
			});
		assertThat(this.admission.admitted()).isEqualTo(41);
	}

	@Test
	void admitWhenHashesFinishThenBacklogShrinksAndNewOnesAreAdmitted() {
		measure(HashAdmission.CURRENT, Duration.ofMillis(100));
		List<HashAdmission.Ticket> tickets = new ArrayList<>();
		for (int k = 0; k < 41; k++) {
			tickets.add(this.admission.admit(HashAdmission.CURRENT));
		}
		assertThatExceptionOfType(HashingBusyException.class).isThrownBy(() -> this.admission.admit(HashAdmission.CURRENT));

		HashAdmission.Ticket first = tickets.get(0);
		assertThat(first.started()).isZero();
		this.nanos.addAndGet(Duration.ofMillis(100).toNanos());
		assertThat(first.finished()).isEqualTo(Duration.ofMillis(100));

		assertThat(this.admission.predictedWait()).isEqualTo(Duration.ofSeconds(2));
		this.admission.admit(HashAdmission.CURRENT);
	}

	@Test
	void admitWhenHashesGetSlowerThenTheEstimateFollowsAndFewerAreAdmitted() {
		measure(HashAdmission.CURRENT, Duration.ofMillis(100));
		for (int i = 0; i < 20; i++) {
			measure(HashAdmission.CURRENT, Duration.ofMillis(400));
		}
		int admitted = 0;
		try {
			while (admitted < 100) {
				this.admission.admit(HashAdmission.CURRENT);
				admitted++;
			}
		}
		catch (HashingBusyException ex) {
			assertThat(ex.predictedWait()).isGreaterThan(Duration.ofSeconds(2));
		}
		// About 2 s × 2 threads ÷ 400 ms = 10 (the average is within 1 % of 400 ms after 20 samples).
		assertThat(admitted).isBetween(10, 11);
	}

	@Test
	void admitWhenASlowKindIsMeasuredThenOtherKindsKeepTheirEstimate() {
		measure(HashAdmission.CURRENT, Duration.ofMillis(100));
		measure("pbkdf2_sha256$2000000", Duration.ofSeconds(3));

		for (int k = 0; k < 41; k++) {
			this.admission.admit(HashAdmission.CURRENT);
		}
		assertThat(this.admission.predictedWait()).isEqualTo(Duration.ofMillis(2050));
	}

	@Test
	void admitWhenKindNeverMeasuredThenPredictedAsANewHash() {
		measure(HashAdmission.CURRENT, Duration.ofMillis(60));
		this.admission.admit("bcrypt_sha256$12");
		this.admission.admit("bcrypt_sha256$12");

		assertThat(this.admission.predictedWait()).isEqualTo(Duration.ofMillis(60));
	}

	@Test
	void finishedWhenNeverStartedThenFreesTheBacklogWithoutMeasuring() {
		measure(HashAdmission.CURRENT, Duration.ofMillis(100));
		HashAdmission.Ticket never = this.admission.admit(HashAdmission.CURRENT);
		this.admission.admit(HashAdmission.CURRENT);
		this.nanos.addAndGet(Duration.ofSeconds(5).toNanos());

		assertThat(never.finished()).isZero();

		this.admission.admit(HashAdmission.CURRENT);
		assertThat(this.admission.predictedWait()).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void startedThenWaitIsTheTimeSinceAdmission() {
		HashAdmission.Ticket ticket = this.admission.admit(HashAdmission.CURRENT);
		this.nanos.addAndGet(Duration.ofMillis(750).toNanos());

		assertThat(ticket.started()).isEqualTo(Duration.ofMillis(750));
	}

	@Test
	void kindOfThenAlgorithmAndCostsWithoutSaltOrHash() {
		assertThat(HashAdmission.kindOf("pbkdf2_sha256$260000$abcdefghijkl$c2FsdGVkaGFzaA==")).isEqualTo("pbkdf2_sha256$260000");
		assertThat(HashAdmission.kindOf("argon2$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"))
			.isEqualTo("argon2$v=19$m=19456,t=2,p=1");
		assertThat(HashAdmission.kindOf("bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuu0123456789012345678901234567890"))
			.isEqualTo("bcrypt_sha256$12");
		assertThat(HashAdmission.kindOf("sha1$salt$0123456789abcdef0123456789abcdef01234567")).isEqualTo("sha1");
		assertThat(HashAdmission.kindOf(null)).isEqualTo(HashAdmission.CURRENT);
		assertThat(HashAdmission.kindOf("x".repeat(500))).hasSize(80);
	}

	/** One hash of the given kind, admitted alone and taking {@code took} on the fake clock. */
	private void measure(String kind, Duration took) {
		HashAdmission.Ticket ticket = this.admission.admit(kind);
		ticket.started();
		this.nanos.addAndGet(took.toNanos());
		ticket.finished();
	}

}
