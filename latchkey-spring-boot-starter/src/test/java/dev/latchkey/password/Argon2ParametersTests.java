package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2ParametersTests {

	@Test
	void defaultsWhenCalledThenOwaspMinimum() {
		assertThat(Argon2Parameters.defaults()).isEqualTo(new Argon2Parameters(19_456, 2, 1));
	}

	@ParameterizedTest
	@CsvSource({"0,2,1", "-1,2,1", "19456,0,1", "19456,-2,1", "19456,2,0", "19456,2,-1", "7,1,1", "63,1,8",
		"1048577,1,1", "1073741824,1,16777216"})
	void constructorWhenNotPositiveOrOutOfArgon2BoundsThenRejected(int memoryKib, int iterations, int parallelism) {
		assertThatThrownBy(() -> new Argon2Parameters(memoryKib, iterations, parallelism))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void constructorWhenAtBoundsThenAccepted() {
		assertThat(new Argon2Parameters(8, 1, 1).memoryKib()).isEqualTo(8);
		assertThat(new Argon2Parameters(64, 1, 8).parallelism()).isEqualTo(8);
		assertThat(new Argon2Parameters(Argon2Parameters.MAX_MEMORY_KIB, 1, 1).memoryKib()).isEqualTo(1 << 20);
	}
}
